import type { DataSource } from 'typeorm';
import { namedSql } from '../src/database/named-sql.js';
import type { Queryable } from '../src/database/queryable.js';
import { lockFlow, tryLockFlow } from '../src/database/flow-lock.js';
import { concurrencyRecheckMs, rateTerms, throttleDeferralMs, type RateLimit } from '../src/policy/flow-limits.js';
import { wakeSignal } from '../workflows/contracts.js';
import type { DeliveryContext } from './delivery-context.js';
import {
  claimSending,
  leaseMs,
  recordWait,
  wakeNextWaitingForPlace,
  WAIT_FOR_RATE_SLOT,
  type Claim,
} from '../src/database/delivery-store/index.js';
import type { ActivityLog } from './deps.js';
import type { DeliveryDispatch } from '../src/dispatch/workflow-dispatch.js';

// A subscription's flow, in named operations: wait out a throttle, admit an attempt under the rate limit and
// maxConcurrency (taking a rate slot and a place among the attempts in flight), and wake the next delivery
// waiting for a place when an attempt ends. The numbers are in src/policy/flow-limits.ts; the state is in
// Postgres (the rate bucket, the subscription's deliveries marked `sending`), so the limits hold across workers.

/** Whether an attempt due now may go, and if the admission marked its row `sending` already, how that went. */
export type FlowAdmission = { go: true; claim?: Claim } | { go: false; deferredBy: 'rate' | 'concurrency'; delayMs: number };

export const hasFlowLimits = (ctx: Pick<DeliveryContext, 'ratePerSecond' | 'maxConcurrency'>) =>
  ctx.ratePerSecond !== null || ctx.maxConcurrency !== null;

/** A slot due this soon is due: not worth another round through the workflow. */
const SLOT_DUE_MS = 5;

// The subscription's other attempts in flight (within their lease, as the read's mark judges them) and the age of
// the oldest, whose lease ends first. Read after the lock, so by a snapshot that sees every admission before it.
const IN_FLIGHT_SQL = `
SELECT count(*)::int AS n, EXTRACT(EPOCH FROM statement_timestamp() - min(updated_at))::float8 * 1000 AS "oldestAgeMs"
  FROM deliveries
 WHERE subscription_id = :subscriptionId AND status = 'sending' AND id <> :deliveryId
   AND updated_at > statement_timestamp() - make_interval(secs => :leaseMs::float8 / 1000)`;

// One take (see takeSlot in src/policy/flow-limits.ts, its model): on the latest version of the bucket row (ON
// CONFLICT DO UPDATE locks and reads it, so takes from any number of workers count exactly), the attempt goes if
// the bucket has room and no one waits ahead of it (or it is back at its own slot); else it gets the next slot
// of the queue, and the delivery's row says so (as recordWait) in the same statement: a limit change that
// deletes the bucket waits for the take, and then finds the delivery waiting (see SubscriptionsService).
// statement_timestamp() is one moment for the whole statement, taken after any lock before it.
// The queue is the subscription's deliveries still waiting for their slots (`live`): a delivery that left it
// without going (cancelled, forgotten, held by a pause, deferred by the circuit or a throttle) takes its slot with
// it, and no newcomer waits behind it. Read by the statement's snapshot: two deliveries queued at the same moment
// may get the same slot (the bucket still lets only one go then; the other queues again), which costs no extra
// round trip per take.
const QUEUE_AT = `(SELECT queue_at FROM live)`;
const FITS = `greatest(b.full_at, statement_timestamp()) + :intervalSeconds::float8 * interval '1 second'
              <= statement_timestamp() + :burstSeconds::float8 * interval '1 second'
              AND (:holdsSlot::boolean OR ${QUEUE_AT} IS NULL OR ${QUEUE_AT} <= statement_timestamp())`;
const TAKE_SLOT_SQL = `
WITH live AS (
  SELECT max(next_attempt_at) + :intervalSeconds::float8 * interval '1 second' AS queue_at FROM deliveries
   WHERE subscription_id = :subscriptionId AND waiting_for = 'rate' AND status IN ('scheduled', 'retrying') AND id <> :deliveryId
), taken AS (
  INSERT INTO rate_buckets AS b (subscription_id, full_at, queue_at, taken)
  VALUES (:subscriptionId, statement_timestamp() + :intervalSeconds::float8 * interval '1 second', NULL, true)
  ON CONFLICT (subscription_id) DO UPDATE SET
    taken = ${FITS},
    full_at = CASE WHEN ${FITS} THEN greatest(b.full_at, statement_timestamp()) + :intervalSeconds::float8 * interval '1 second' ELSE b.full_at END,
    queue_at = CASE WHEN ${FITS} THEN b.queue_at
                    ELSE greatest(${QUEUE_AT}, b.full_at + (:intervalSeconds::float8 - :burstSeconds::float8) * interval '1 second', statement_timestamp())
                         + :intervalSeconds::float8 * interval '1 second' END
  RETURNING taken, queue_at - :intervalSeconds::float8 * interval '1 second' AS slot_at
), ${WAIT_FOR_RATE_SLOT}

SELECT taken, EXTRACT(EPOCH FROM slot_at - statement_timestamp())::float8 * 1000 AS "waitMs" FROM taken`;

/** The subscription is throttled (a 429 or 503): the delivery waits until it ends, spread, using no attempt. */
export async function awaitThrottle(db: Queryable, ctx: DeliveryContext): Promise<number> {
  const delayMs = throttleDeferralMs(ctx.throttleWaitMs ?? 0);
  await recordWait(db, ctx.deliveryId, 'throttled', new Date(Date.now() + delayMs));
  return delayMs;
}

/** Tries for a busy flow lock before the delivery defers; each is a short transaction, the pause holds no connection. */
const FLOW_LOCK_TRIES = 8;
/** The pause after the first refused try, doubled each time (with jitter): about 0.5 s in all. */
const FLOW_LOCK_BACKOFF_MS = 4;
/** Still busy after the tries: the delivery looks again this much later (wakeable), as if over the limit. */
const FLOW_LOCK_BUSY_DEFER_MS = 250;

/**
 * Admits an attempt of a subscription with a rate limit or maxConcurrency. With maxConcurrency the count of
 * attempts in flight, the rate slot and the mark `sending` are one step under the subscription's lock: over the
 * limit, the delivery waits for a place (woken when an attempt ends). Under it, or with a rate limit alone, it
 * takes a rate slot: due now, it goes; later, it waits for its slot, which it keeps. The lock is tried, never
 * waited on with a pooled connection: a subscription with a backlog contending for its lock would otherwise take
 * the whole pool and stall every other tenant's attempts on the worker. Still busy after a few tries (each a
 * connection for a moment), the delivery defers briefly, unchanged.
 */
export async function admitFlow(db: DataSource, ctx: DeliveryContext): Promise<FlowAdmission> {
  if (ctx.maxConcurrency === null) return admitRate(db, ctx);
  for (let tried = 1; ; tried++) {
    const admission = await db.transaction((tx) => admitUnderLock(tx, ctx, ctx.maxConcurrency!));
    if (admission) return admission;
    if (tried >= FLOW_LOCK_TRIES) return { go: false, deferredBy: 'concurrency', delayMs: FLOW_LOCK_BUSY_DEFER_MS };
    const pauseMs = FLOW_LOCK_BACKOFF_MS * 2 ** (tried - 1) * (0.5 + Math.random());
    await new Promise((done) => setTimeout(done, pauseMs));
  }
}

/** admitFlow's step if the subscription's lock is free now; null if another holds it. */
async function admitUnderLock(tx: Queryable, ctx: DeliveryContext, maxConcurrency: number): Promise<FlowAdmission | null> {
  if (!(await tryLockFlow(tx, ctx.subscriptionId))) return null;
  const [inFlight]: { n: number; oldestAgeMs: number | null }[] = await tx.query(
    ...namedSql(IN_FLIGHT_SQL, { subscriptionId: ctx.subscriptionId, deliveryId: ctx.deliveryId, leaseMs: leaseMs(ctx.timeoutMs) }),
  );
  if (inFlight.n >= maxConcurrency) {
    const firstLeaseEndsMs = inFlight.oldestAgeMs === null ? null : leaseMs(ctx.timeoutMs) - inFlight.oldestAgeMs;
    const delayMs = concurrencyRecheckMs(firstLeaseEndsMs);
    await recordWait(tx, ctx.deliveryId, 'concurrency', new Date(Date.now() + delayMs));
    return { go: false, deferredBy: 'concurrency', delayMs };
  }
  const rate = await admitRate(tx, ctx);
  if (!rate.go) return rate;
  return { go: true, claim: await claimSending(tx, ctx.deliveryId, ctx.timeoutMs) };
}

/** Woken before its slot (a wake-up meant for another wait): it keeps the slot and waits on. */
function keepsItsSlot(ctx: DeliveryContext): FlowAdmission | null {
  if (ctx.rateSlotWaitMs !== null && ctx.rateSlotWaitMs > SLOT_DUE_MS)
    return { go: false, deferredBy: 'rate', delayMs: Math.ceil(ctx.rateSlotWaitMs) };
  return null;
}

/** The rate limit alone (or after maxConcurrency admitted the attempt): go now, or wait for a slot of its own. */
async function admitRate(db: Queryable, ctx: DeliveryContext): Promise<FlowAdmission> {
  if (ctx.ratePerSecond === null) return { go: true };
  const early = keepsItsSlot(ctx);
  if (early) return early;
  const limit: RateLimit = { perSecond: ctx.ratePerSecond, burst: ctx.rateBurst ?? 1 };
  const [slot]: { taken: boolean; waitMs: number }[] = await db.query(
    ...namedSql(TAKE_SLOT_SQL, {
      subscriptionId: ctx.subscriptionId,
      deliveryId: ctx.deliveryId,
      holdsSlot: ctx.rateSlotWaitMs !== null,
      ...rateTerms(limit),
    }),
  );
  if (slot.taken) return { go: true };
  // The slot is the delivery's: `waiting_for = 'rate'` with `next_attempt_at` at the slot says so to its next run.
  return { go: false, deferredBy: 'rate', delayMs: Math.max(1, Math.ceil(slot.waitMs)) };
}

/**
 * An attempt of a subscription with maxConcurrency ended (or gave its place back): wakes the oldest delivery
 * waiting for a place, which looks again at once. One per ended attempt: one place freed. A failure is logged;
 * the waiting delivery's own timer brings it back (see concurrencyRecheckMs).
 */
export async function wakeNextWaiting(db: DataSource, dispatch: DeliveryDispatch, log: ActivityLog, subscriptionId: string): Promise<void> {
  try {
    // The one woken is due now: two attempts ending together wake two deliveries, not the same one twice.
    const next: { id: string }[] = await db.transaction(async (tx) => {
      await lockFlow(tx, subscriptionId);
      return wakeNextWaitingForPlace(tx, subscriptionId);
    });
    if (next.length) await dispatch.signal([next[0].id], wakeSignal);
  } catch (err) {
    log.warn({ msg: `waking the next delivery waiting on maxConcurrency failed: ${(err as Error).message}`, subscriptionId });
  }
}
