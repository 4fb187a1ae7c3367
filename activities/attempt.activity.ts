import { Context } from '@temporalio/activity';
import { urlRefusal } from '../src/policy/network-policy.js';
import { classifyAttempt, honoursRetryAfter } from '../src/policy/outcome.js';
import { nextRetryDelayMs } from '../src/policy/retry-schedule.js';
import { cooldownSeconds, deferralSpread } from '../src/policy/circuit-breaker.js';
import { isThrottle, throttleSeconds } from '../src/policy/flow-limits.js';
import { hostOf } from '../src/common/url.js';
import { isTransientDatabaseError } from '../src/database/database-unavailable.js';
import type { DispatchItem } from '../src/dispatch/workflow-dispatch.js';
import { writeOperationalEvent } from '../src/events/operational-events.js';
import { wakeSignal, type AttemptInput, type AttemptResult } from '../workflows/contracts.js';
import type { ActivityDeps } from './deps.js';
import { admit, wakeDeferred } from './endpoint-health.js';
import { loadDeliveryContext, type DeliveryContext } from './delivery-context.js';
import { claimSending, leaseMs, recordNoAttempt, recordWait, releaseLine, type Claim } from '../src/database/delivery-store/index.js';
import { isEnded } from '../src/policy/delivery-states.js';
import { admitFlow, awaitThrottle, hasFlowLimits, wakeNextWaiting } from './flow-control.js';
import { operationalEventsFor } from './operational-events.js';
import { blockedResult, postRequest, unsent, type PostResult } from './post.js';
import { recordAttempt, type AttemptRecord, type RecordOutcome } from './record.js';
import { signRequest } from './sign.js';
import { tracedPost } from './traced-post.js';

/**
 * Tries of one attempt that throw for a reason other than the database being unreachable (a secret no key
 * opens, a row gone, a bug) before the delivery ends `failed` with error `internal`: such errors do not heal.
 */
export const INTERNAL_TRIES = 5;

/** How often a delivery waiting for its FIFO predecessor looks again without being woken (a lost wake-up). */
const PREDECESSOR_RECHECK_MS = { min: 60_000, max: 600_000 };

const none = { statusCode: null, errorType: null, nextDelayMs: null, host: null, raise: [] };

/**
 * One attempt of one delivery: load, sign, POST, record. Sign and post happen inside one activity so that the
 * signed body, the secret and the auth headers never enter the workflow history; only the small result does.
 * An error the database will get over (it is down) is thrown for the activity's retry, without end; any other is
 * retried a few times and then recorded as the delivery's last attempt, error `internal`.
 */
export async function attemptDelivery(deps: ActivityDeps, input: AttemptInput): Promise<AttemptResult> {
  // Whether the delivery is in a FIFO line: unknown (so assumed) until its context is read. Whether this run took
  // a place among its subscription's maxConcurrency: known once it did.
  const seen: Seen = { inLine: true, placeOf: null };
  const result = await attemptOrGiveUp(deps, input, seen);
  // Its end lets the next of its line go. A repeat (worker lost after the end) finds it ended and wakes again.
  if (seen.inLine && isEnded(result.status)) await wakeNextInLine(deps, input.deliveryId);
  // Its place is free again (the outcome, or the deferral that gave it back, is written): the next waiting goes.
  if (seen.placeOf !== null) await wakeNextWaiting(deps.db, deps.dispatch, deps.log, seen.placeOf);
  return result;
}

interface Seen {
  inLine: boolean;
  /** The subscription whose maxConcurrency this run took a place of. */
  placeOf: string | null;
}

async function attemptOrGiveUp(deps: ActivityDeps, input: AttemptInput, seen: Seen): Promise<AttemptResult> {
  try {
    return await attempt(deps, input, seen);
  } catch (err) {
    if (isTransientDatabaseError(err) || triesSoFar() < INTERNAL_TRIES) throw err;
    const message = `the attempt failed ${INTERNAL_TRIES} times inside the service: ${(err as Error).message}`;
    const { cancelled } = await recordAttempt(deps.db, internalFailure(input, message));
    deps.onAttempt?.({ status: 'failed', statusCode: null, durationMs: 0 });
    return { ...none, status: cancelled ? 'cancelled' : 'failed', errorType: 'internal' };
  }
}

/** This run's number among the activity's tries (1 outside an activity). */
function triesSoFar(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

async function attempt(deps: ActivityDeps, input: AttemptInput, seen: Seen): Promise<AttemptResult> {
  const ctx = await loadDeliveryContext(deps.db, deps.box, input);
  seen.inLine = ctx?.orderingKey != null;
  if (!ctx) return { status: 'cancelled', ...none };
  if (isEnded(ctx.deliveryStatus)) return { status: ctx.deliveryStatus, ...none };
  // An earlier run of this very attempt recorded its outcome, and its result never reached the workflow (the
  // worker died in between): answer with what it recorded rather than send it again.
  if (ctx.attemptCount >= input.attemptNumber) return recordedOutcome(ctx);
  // The event was forgotten or purged (say between a redelivery's check and its insert): its data is gone, and
  // what is left must not go out signed as if it were the event.
  if (ctx.eventPurged) {
    await recordNoAttempt(deps.db, ctx.deliveryId, 'cancelled');
    return { status: 'cancelled', ...none };
  }
  const isTest = ctx.kind === 'test';
  let probe = false;
  let flowClaim: Claim | undefined;
  if (!isTest) {
    if (ctx.subscriptionDeleted) {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'cancelled');
      return { status: 'cancelled', ...none };
    }
    // Disabled holds like paused: nothing is dropped until a person resumes, cancels or deletes.
    if (ctx.subscriptionStatus !== 'active') {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'held');
      return { status: 'held', ...none };
    }
    if (!ctx.predecessorEnded) return awaitPredecessor(deps, ctx);
    // Before the circuit: a throttled subscription claims no probe.
    if (ctx.throttleWaitMs !== null) return deferred(deps, ctx, 'throttled', await awaitThrottle(deps.db, ctx));
    const circuit = await admit(deps.db, deps.circuit, ctx);
    if (!circuit.go) {
      deps.onDeferred?.('circuit');
      return { status: 'deferred', ...none, deferredBy: 'circuit', nextDelayMs: circuit.delayMs, host: hostOf(ctx.url), circuitOpen: true };
    }
    probe = circuit.probe;
    // After the circuit: a slot taken by a delivery the circuit then held back would be lost to the others. The
    // probe, one attempt while nothing else goes, is not held up by the limits.
    if (!probe && hasFlowLimits(ctx)) {
      const flow = await admitFlow(deps.db, ctx);
      if (!flow.go) return deferred(deps, ctx, flow.deferredBy, flow.delayMs);
      flowClaim = flow.claim;
      if (ctx.maxConcurrency !== null && flowClaim?.claimed) seen.placeOf = ctx.subscriptionId;
    }
  }
  if (!ctx.marked) {
    // The read could not mark the row: the circuit or the flow limits decided after it, a cancel ended it
    // meanwhile, or another run of this attempt (a re-run while the first is still in flight) holds it.
    const claim = flowClaim ?? (await claimSending(deps.db, ctx.deliveryId, ctx.timeoutMs));
    if (!claim.claimed && claim.status === 'sending') return inFlightElsewhere(ctx);
    if (!claim.claimed) return { status: isEnded(claim.status) ? claim.status : 'cancelled', ...none };
  }

  const slot = deps.slots.tryAcquire(ctx.tenantId, ctx.subscriptionId, ctx.timeoutMs);
  if (!('release' in slot)) {
    // This tenant's (or subscription's) share of the worker's attempts is in flight: wait for it, unsent.
    await recordNoAttempt(deps.db, ctx.deliveryId, 'retrying', new Date(Date.now() + slot.retryInMs));
    deps.onDeferred?.('share');
    return { ...none, status: 'deferred', deferredBy: 'share', nextDelayMs: slot.retryInMs, host: hostOf(ctx.url) };
  }
  const startedAt = new Date();
  const refusal = urlRefusal(deps.policy, ctx.url);
  let result: PostResult;
  try {
    result = refusal
      ? blockedResult(`${ctx.url.length > 200 ? 'the URL' : ctx.url} ${refusal}`)
      : await tracedPost(
          signRequest(ctx, input.attemptNumber, startedAt),
          { deliveryId: ctx.deliveryId, attemptNumber: input.attemptNumber, propagate: ctx.traceContext },
          (req) => postRequest(deps.http, req, ctx.timeoutMs, deps.responseBodyLimit),
        );
  } finally {
    slot.release();
  }
  const verdict = classifyAttempt(result);
  const retryAfter = honoursRetryAfter(result.statusCode) ? result.retryAfterSeconds : null;
  const scheduledDelayMs = verdict === 'retry' && !isTest ? nextRetryDelayMs(ctx.retrySchedule, input.attemptNumber, retryAfter) : null;
  const status = verdict === 'succeeded' ? 'succeeded' : scheduledDelayMs !== null ? 'retrying' : 'failed';

  const record: AttemptRecord = {
    deliveryId: ctx.deliveryId,
    attemptNumber: input.attemptNumber,
    startedAt,
    result,
    status,
    nextAttemptAt: scheduledDelayMs !== null ? new Date(Date.now() + scheduledDelayMs) : null,
    succeeded: verdict === 'succeeded',
    goneReason: verdict === 'gone' ? `the endpoint answered 410 Gone at ${startedAt.toISOString()}` : null,
    tracksHealth: !isTest,
    disableAfterHours: deps.disableAfterHours,
    probe,
    circuitThreshold: deps.circuit.failureThreshold,
    cooldownSeconds: cooldownSeconds(deps.circuit, ctx.circuitTrips),
    spread: deferralSpread(),
    throttleSeconds: !isTest && isThrottle(result.statusCode) ? throttleSeconds(result.retryAfterSeconds, ctx.throttleStrikes) : null,
  };
  const { cancelled, circuitWaitMs } =
    verdict === 'succeeded' ? await recordAttempt(deps.db, record) : await recordFailure(deps, ctx, record, verdict);
  deps.onAttempt?.({ status, statusCode: result.statusCode, durationMs: result.durationMs });
  if (cancelled) return { ...none, status: 'cancelled', statusCode: result.statusCode, host: hostOf(ctx.url) };
  // This success closed the subscription's circuit: wake the deliveries waiting on it (in the background).
  if (verdict === 'succeeded' && !isTest && ctx.circuitOpenUntil !== null)
    void wakeDeferred(deps.db, deps.dispatch, deps.log, ctx.subscriptionId);

  // An open circuit holds the retry back until it may be tried again (the database wrote the same time).
  const nextDelayMs = scheduledDelayMs !== null ? Math.max(scheduledDelayMs, Math.round(circuitWaitMs ?? 0)) : null;
  // The wait is the circuit's (not the schedule's): a wake-up when the circuit closes may end it early.
  const circuitOpen = scheduledDelayMs !== null && circuitWaitMs !== null && circuitWaitMs >= scheduledDelayMs;
  return {
    status,
    statusCode: result.statusCode,
    errorType: result.errorType,
    nextDelayMs,
    host: hostOf(ctx.url),
    raise: [],
    ...(circuitOpen && { circuitOpen }),
  };
}

/**
 * A failed attempt's outcome and the operational events it calls for (`delivery.exhausted`,
 * `subscription.disabled`) commit together: a worker lost after the commit raises nothing twice and loses
 * nothing. Their deliveries start once committed.
 */
async function recordFailure(deps: ActivityDeps, ctx: DeliveryContext, record: AttemptRecord, verdict: string): Promise<RecordOutcome> {
  // The statement locks the subscription's row: a burst of failures to one endpoint waits its turn here, not
  // in Postgres holding a pooled connection each, which would leave none for other tenants' deliveries.
  const { outcome, deliveries } = await deps.healthWrites.run(ctx.subscriptionId, () =>
    deps.db.transaction(async (tx) => {
      const outcome = await recordAttempt(tx, record);
      const deliveries: DispatchItem[] = [];
      if (!outcome.cancelled) {
        for (const event of operationalEventsFor(ctx, record, verdict, outcome.disabledReason))
          deliveries.push(...(await writeOperationalEvent(tx, event)));
      }
      return { outcome, deliveries };
    }),
  );
  if (deliveries.length) void deps.dispatch.start(deliveries);
  return outcome;
}

/**
 * An earlier delivery of this one's FIFO line still holds it: wait, unsent, until the end of the last one wakes
 * this one. The timer is only a fallback for a lost wake-up: the line's head cannot end before its next attempt
 * unless it is cancelled, and a cancel wakes the next too.
 */
async function awaitPredecessor(deps: ActivityDeps, ctx: DeliveryContext): Promise<AttemptResult> {
  const untilItsNextAttempt = (ctx.predecessorNextAttemptAt?.getTime() ?? 0) - Date.now();
  const nextDelayMs = Math.min(Math.max(untilItsNextAttempt, PREDECESSOR_RECHECK_MS.min), PREDECESSOR_RECHECK_MS.max);
  await recordWait(deps.db, ctx.deliveryId, 'predecessor', new Date(Date.now() + nextDelayMs), ctx.predecessorId!);
  deps.onDeferred?.('predecessor');
  return {
    ...none,
    status: 'deferred',
    deferredBy: 'predecessor',
    wakeable: true,
    waitsFor: ctx.predecessorId!,
    nextDelayMs,
    host: hostOf(ctx.url),
  };
}

/**
 * A wait for the subscription's flow (its rate limit, maxConcurrency, a throttle), recorded already: no attempt
 * number used. Wakeable: a place freed, a changed limit or a resume ends it early.
 */
function deferred(
  deps: ActivityDeps,
  ctx: DeliveryContext,
  deferredBy: 'rate' | 'concurrency' | 'throttled',
  delayMs: number,
): AttemptResult {
  deps.onDeferred?.(deferredBy);
  return { ...none, status: 'deferred', deferredBy, wakeable: true, nextDelayMs: delayMs, host: hostOf(ctx.url) };
}

/** Wakes the delivery that waits for this one's end (after the end is committed); a failed signal is logged. */
async function wakeNextInLine(deps: ActivityDeps, deliveryId: string): Promise<void> {
  const next = await releaseLine(deps.db, deliveryId);
  if (next.length) await deps.dispatch.signal(next, wakeSignal);
}

/** The outcome an earlier run of this attempt recorded. */
function recordedOutcome(ctx: DeliveryContext): AttemptResult {
  const nextDelayMs = ctx.nextAttemptAt ? Math.max(0, ctx.nextAttemptAt.getTime() - Date.now()) : 0;
  return { ...none, status: 'retrying', statusCode: ctx.lastStatusCode, nextDelayMs, host: hostOf(ctx.url) };
}

/** Another run holds the row while its POST is out: wait for its outcome, then look again (same attempt number). */
function inFlightElsewhere(ctx: DeliveryContext): AttemptResult {
  return { ...none, status: 'deferred', deferredBy: 'in-flight', nextDelayMs: leaseMs(ctx.timeoutMs), host: hostOf(ctx.url) };
}

function internalFailure(input: AttemptInput, message: string): AttemptRecord {
  const result = unsent('internal', message.slice(0, 1000));
  return {
    deliveryId: input.deliveryId,
    attemptNumber: input.attemptNumber,
    startedAt: new Date(),
    result,
    status: 'failed',
    nextAttemptAt: null,
    succeeded: false,
    goneReason: null,
    // The receiver did nothing wrong: its subscription's health is not touched.
    tracksHealth: false,
    disableAfterHours: 0,
    probe: false,
    circuitThreshold: 0,
    cooldownSeconds: 0,
    spread: 0,
    throttleSeconds: null,
  };
}
