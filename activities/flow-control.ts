import type { DataSource } from 'typeorm';
import { namedSql } from '../src/database/named-sql.js';
import type { Queryable } from '../src/database/queryable.js';
import { concurrencyRecheckMs, rateTerms, throttleDeferralMs, type RateLimit } from '../src/policy/flow-limits.js';
import { wakeSignal } from '../workflows/contracts.js';
import type { DeliveryContext } from './delivery-context.js';
import { claimSending, recordWait, type Claim } from './delivery-row.js';
import { leaseMs } from './delivery-context.js';
import type { ActivityLog, Signaller } from './deps.js';

// A subscription's flow, in named operations: wait out a throttle, admit an attempt under the rate limit and
// maxConcurrency (taking a rate slot and a place among the attempts in flight), and wake the next delivery
// waiting for a place when an attempt ends. The numbers are in src/policy/flow-limits.ts; the state is in
// Postgres (the rate bucket, the subscription's deliveries marked `sending`), so the limits hold across workers.

/** Whether an attempt due now may go, and if the admission marked its row `sending` already, how that went. */
export type FlowAdmission = { go: true; claim?: Claim } | { go: false; deferredBy: 'rate' | 'concurrency'; delayMs: number };

export const hasFlowLimits = (ctx: Pick<DeliveryContext, 'ratePerSecond' | 'maxConcurrency'>) =>
  ctx.ratePerSecond !== null || ctx.maxConcurrency !== null;

/** A held slot due this soon is due: not worth another round through the workflow. */
const SLOT_DUE_MS = 5;

// Serializes the admissions to one subscription with maxConcurrency, and the look for its next waiting delivery,
// so that a place freed while an attempt was judged full is always seen by one of the two (no lost wake-up).
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('flow:' || $1, 0))`;

// The subscription's other attempts in flight (within their lease, as the read's mark judges them) and the age of
// the oldest, whose lease ends first. Read after the lock, so by a snapshot that sees every admission before it.
const IN_FLIGHT_SQL = `
SELECT count(*)::int AS n, EXTRACT(EPOCH FROM statement_timestamp() - min(updated_at))::float8 * 1000 AS "oldestAgeMs"
  FROM deliveries
 WHERE subscription_id = :subscriptionId AND status = 'sending' AND id <> :deliveryId
   AND updated_at > statement_timestamp() - make_interval(secs => :leaseMs::float8 / 1000)`;

// GCRA with a slot each (see rateTerms): the bucket moves one interval later, always; the attempt goes at the
// slot that gives it, now or later. greatest(full_at, now) + interval == greatest(full_at + interval, the insert).
const TAKE_SLOT_SQL = `
WITH t AS (SELECT statement_timestamp() AS now), taken AS (
  INSERT INTO rate_buckets AS b (subscription_id, full_at)
  SELECT :subscriptionId, t.now + :intervalSeconds::float8 * interval '1 second' FROM t
  ON CONFLICT (subscription_id) DO UPDATE SET full_at = greatest(b.full_at + :intervalSeconds::float8 * interval '1 second', EXCLUDED.full_at)
  RETURNING full_at
), slot AS (
  SELECT greatest(t.now, taken.full_at - :burstSeconds::float8 * interval '1 second') AS at, t.now FROM taken, t
)
SELECT at AS "slotAt", EXTRACT(EPOCH FROM at - now)::float8 * 1000 AS "waitMs" FROM slot`;

/** The subscription is throttled (a 429 or 503): the delivery waits until it ends, spread, using no attempt. */
export async function awaitThrottle(db: Queryable, ctx: DeliveryContext): Promise<number> {
  const delayMs = throttleDeferralMs(ctx.throttleWaitMs ?? 0);
  await recordWait(db, ctx.deliveryId, 'throttled', new Date(Date.now() + delayMs));
  return delayMs;
}

/**
 * Admits an attempt of a subscription with a rate limit or maxConcurrency. With maxConcurrency the count of
 * attempts in flight, the rate slot and the mark `sending` are one step under the subscription's lock: over the
 * limit, the delivery waits for a place (woken when an attempt ends). Under it, or with a rate limit alone, it
 * takes a rate slot: due now, it goes; later, it waits for its slot, which it keeps.
 */
export async function admitFlow(db: DataSource, ctx: DeliveryContext): Promise<FlowAdmission> {
  if (ctx.maxConcurrency === null) return admitRate(db, ctx);
  const maxConcurrency = ctx.maxConcurrency;
  return db.transaction(async (tx) => {
    await tx.query(LOCK_SQL, [ctx.subscriptionId]);
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
  });
}

/** The rate limit alone (or after maxConcurrency admitted the attempt): its held slot, or a new one. */
async function admitRate(db: Queryable, ctx: DeliveryContext): Promise<FlowAdmission> {
  if (ctx.ratePerSecond === null) return { go: true };
  // Woken before its slot (a wake-up meant for another wait): it keeps the slot and waits on.
  if (ctx.rateSlotWaitMs !== null) {
    return ctx.rateSlotWaitMs <= SLOT_DUE_MS ? { go: true } : { go: false, deferredBy: 'rate', delayMs: Math.ceil(ctx.rateSlotWaitMs) };
  }
  const limit: RateLimit = { perSecond: ctx.ratePerSecond, burst: ctx.rateBurst ?? 1 };
  const [slot]: { slotAt: Date; waitMs: number }[] = await db.query(
    ...namedSql(TAKE_SLOT_SQL, { subscriptionId: ctx.subscriptionId, ...rateTerms(limit) }),
  );
  if (slot.waitMs <= SLOT_DUE_MS) return { go: true };
  // The slot is the delivery's: `waiting_for = 'rate'` with `next_attempt_at` at the slot says so to its next run.
  await recordWait(db, ctx.deliveryId, 'rate', slot.slotAt);
  return { go: false, deferredBy: 'rate', delayMs: Math.ceil(slot.waitMs) };
}

/**
 * An attempt of a subscription with maxConcurrency ended (or gave its place back): wakes the oldest delivery
 * waiting for a place, which looks again at once. One per ended attempt: one place freed. A failure is logged;
 * the waiting delivery's own timer brings it back (see concurrencyRecheckMs).
 */
export async function wakeNextWaiting(db: DataSource, signaller: Signaller, log: ActivityLog, subscriptionId: string): Promise<void> {
  try {
    const next: { id: string }[] = await db.transaction(async (tx) => {
      await tx.query(LOCK_SQL, [subscriptionId]);
      return tx.query(
        `SELECT id FROM deliveries
          WHERE subscription_id = $1 AND waiting_for = 'concurrency' AND status IN ('scheduled', 'retrying') AND next_attempt_at > now()
          ORDER BY id LIMIT 1`,
        [subscriptionId],
      );
    });
    if (next.length) await signaller.signal([next[0].id], wakeSignal);
  } catch (err) {
    log.warn(`waking the next delivery waiting on subscription ${subscriptionId}'s maxConcurrency failed: ${(err as Error).message}`);
  }
}
