import { Context } from '@temporalio/activity';
import { urlRefusal } from '../src/policy/network-policy.js';
import { classifyAttempt, honoursRetryAfter, type AttemptVerdict } from '../src/policy/outcome.js';
import { nextRetryDelayMs } from '../src/policy/retry-schedule.js';
import { cooldownSeconds, deferralSpread } from '../src/policy/circuit-breaker.js';
import { isThrottle, throttleSeconds } from '../src/policy/flow-limits.js';
import { hostOf } from '../src/common/url.js';
import { isTransientDatabaseError } from '../src/database/database-unavailable.js';
import { wakeSignal, type AttemptInput, type AttemptResult } from '../workflows/contracts.js';
import { admit, type PlaceTaken, type Wait } from './admission.js';
import type { Slot } from './attempt-slots.js';
import type { ActivityDeps } from './deps.js';
import { wakeDeferred } from './endpoint-health.js';
import { loadDeliveryContext, loadDeliveryFacts, type DeliveryContext } from './delivery-context.js';
import {
  blockLineOnFailure,
  recordNoAttempt,
  releaseLine,
  writeOperationalEvent,
  type DispatchItem,
} from '../src/database/delivery-store/index.js';
import { isEnded } from '../src/policy/delivery-states.js';
import { wakeNextWaiting } from './flow-control.js';
import { exhaustedEvent, operationalEventsFor } from './events-to-raise.js';
import { dispatcherFor } from './client-tls.js';
import { withOAuth2Token } from './oauth2-tokens.js';
import { withTransform } from './transformed-body.js';
import { blockedResult, postRequest, unsent, type PostResult } from './post.js';
import { recordAttempt, type AttemptRecord, type RecordOutcome } from './record.js';
import { signRequest } from './sign.js';
import { tracedPost } from './traced-post.js';

/**
 * Tries of one attempt that throw for a reason other than the database being unreachable (a secret no key
 * opens, a row gone, a bug) before the delivery ends `failed` with error `internal`: such errors do not heal.
 */
export const INTERNAL_TRIES = 5;

const none = { statusCode: null, errorType: null, nextDelayMs: null, host: null, raise: [] };

/**
 * One attempt of one delivery: load, admit, sign and send, record. Sign and send happen inside one activity so that the
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

interface Seen extends PlaceTaken {
  inLine: boolean;
}

async function attemptOrGiveUp(deps: ActivityDeps, input: AttemptInput, seen: Seen): Promise<AttemptResult> {
  try {
    return await attempt(deps, input, seen);
  } catch (err) {
    if (isTransientDatabaseError(err) || triesSoFar() < INTERNAL_TRIES) throw err;
    const message = `the attempt failed ${INTERNAL_TRIES} times inside the service: ${(err as Error).message}`;
    // Its last attempt: a `block` line stops at it as at a head that exhausted its retries (see lines.ts), and
    // `delivery.exhausted` is raised as for one (committed with the outcome, as in recordFailure).
    const { cancelled, deliveries } = await deps.db.transaction(async (tx) => {
      const outcome = await recordAttempt(tx, internalFailure(input, message));
      const deliveries: DispatchItem[] = [];
      if (outcome.cancelled) return { cancelled: true, deliveries };
      await blockLineOnFailure(tx, input.deliveryId);
      const facts = await loadDeliveryFacts(tx, input.deliveryId);
      for (const event of facts ? exhaustedEvent(facts, input.attemptNumber, null) : [])
        deliveries.push(...(await writeOperationalEvent(tx, event)));
      return { cancelled: false, deliveries };
    });
    if (deliveries.length) void deps.dispatch.start(deliveries);
    deps.onAttempt?.({ status: 'failed', statusCode: null, durationMs: 0, errorType: 'internal' });
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

/** One attempt, in stages: load, admit, sign and send, record. */
async function attempt(deps: ActivityDeps, input: AttemptInput, seen: Seen): Promise<AttemptResult> {
  const ctx = await loadDeliveryContext(deps.db, deps.box, input);
  seen.inLine = ctx?.orderingKey != null;
  if (!ctx) return noAttempt('cancelled');
  const settled = await settledAlready(deps, ctx, input);
  if (settled) return settled;
  const admission = await admit(deps, ctx, seen);
  if (!admission.go) return 'wait' in admission ? deferral(deps, ctx, admission.wait) : noAttempt(admission.stop);
  const startedAt = new Date();
  const result = await send(deps, ctx, input, startedAt, admission.slot);
  return record(deps, ctx, input, startedAt, result, admission.probe);
}

/** What the loaded row already decides: the delivery ended, this attempt is on record, or its event is gone. */
async function settledAlready(deps: ActivityDeps, ctx: DeliveryContext, input: AttemptInput): Promise<AttemptResult | null> {
  if (isEnded(ctx.deliveryStatus)) return noAttempt(ctx.deliveryStatus);
  // An earlier run of this very attempt recorded its outcome, and its result never reached the workflow (the
  // worker died in between): answer with what it recorded rather than send it again.
  if (ctx.attemptCount >= input.attemptNumber) return recordedOutcome(ctx);
  // The event was forgotten or purged (say between a redelivery's check and its insert): its data is gone, and
  // what is left must not go out signed as if it were the event.
  if (ctx.eventPurged) {
    await recordNoAttempt(deps.db, ctx.deliveryId, 'cancelled');
    return noAttempt('cancelled');
  }
  return null;
}

/** Signs and POSTs the request (unless the network policy refuses the URL), then gives the slot back. */
async function send(deps: ActivityDeps, ctx: DeliveryContext, input: AttemptInput, startedAt: Date, slot: Slot): Promise<PostResult> {
  const refusal = urlRefusal(deps.policy, ctx.url);
  try {
    return refusal
      ? blockedResult(`${ctx.url.length > 200 ? 'the URL' : ctx.url} ${refusal}`)
      : await withTransform(ctx, (ctx) =>
          withOAuth2Token(deps.oauth2, ctx, (authorization) =>
            tracedPost(
              signRequest(ctx, input.attemptNumber, startedAt, authorization),
              { deliveryId: ctx.deliveryId, attemptNumber: input.attemptNumber, propagate: ctx.traceContext },
              (req) => postRequest(dispatcherFor(deps.http, deps.clientTls, ctx), req, ctx.timeoutMs, deps.responseBodyLimit),
            ),
          ),
        );
  } finally {
    slot.release();
  }
}

/** Classifies the answer, writes the outcome (and the endpoint's health), and tells the workflow what next. */
async function record(
  deps: ActivityDeps,
  ctx: DeliveryContext,
  input: AttemptInput,
  startedAt: Date,
  result: PostResult,
  probe: boolean,
): Promise<AttemptResult> {
  const isTest = ctx.kind === 'test';
  const verdict = classifyAttempt(result);
  const retryAfter = honoursRetryAfter(result.statusCode) ? result.retryAfterSeconds : null;
  const scheduledDelayMs = verdict === 'retry' && !isTest ? nextRetryDelayMs(ctx.retrySchedule, input.attemptNumber, retryAfter) : null;
  const status = verdict === 'succeeded' ? 'succeeded' : scheduledDelayMs !== null ? 'retrying' : 'failed';
  const outcome = attemptRecord(deps, ctx, input, startedAt, result, { verdict, status, scheduledDelayMs, probe });
  const { cancelled, circuitWaitMs } =
    verdict === 'succeeded' ? await recordAttempt(deps.db, outcome) : await recordFailure(deps, ctx, outcome, verdict);
  deps.onAttempt?.({
    status,
    statusCode: result.statusCode,
    durationMs: result.durationMs,
    errorType: result.errorType,
    ...(input.attemptNumber === 1 && { firstAttemptLatencyMs: startedAt.getTime() - ctx.deliveryCreatedAt.getTime() }),
  });
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

/** The row the outcome writes: the attempt, the delivery's new state, and what the endpoint's health needs. */
function attemptRecord(
  deps: ActivityDeps,
  ctx: DeliveryContext,
  input: AttemptInput,
  startedAt: Date,
  result: PostResult,
  o: { verdict: AttemptVerdict; status: AttemptRecord['status']; scheduledDelayMs: number | null; probe: boolean },
): AttemptRecord {
  const isTest = ctx.kind === 'test';
  return {
    deliveryId: ctx.deliveryId,
    attemptNumber: input.attemptNumber,
    startedAt,
    result,
    status: o.status,
    nextAttemptAt: o.scheduledDelayMs !== null ? new Date(Date.now() + o.scheduledDelayMs) : null,
    succeeded: o.verdict === 'succeeded',
    goneReason: o.verdict === 'gone' ? `the endpoint answered 410 Gone at ${startedAt.toISOString()}` : null,
    tracksHealth: !isTest,
    disableAfterHours: deps.disableAfterHours,
    probe: o.probe,
    circuitThreshold: deps.circuit.failureThreshold,
    cooldownSeconds: cooldownSeconds(deps.circuit, ctx.circuitTrips),
    spread: deferralSpread(),
    throttleSeconds: !isTest && isThrottle(result.statusCode) ? throttleSeconds(result.retryAfterSeconds, ctx.throttleStrikes) : null,
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
      // Only the failure path pays for this: a `block` line stops at its failed head (see lines.ts).
      if (!outcome.cancelled && record.status === 'failed' && ctx.orderingKey !== null) await blockLineOnFailure(tx, ctx.deliveryId);
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
 * The one way to answer a wait the gates decided (and recorded): a deferral, no attempt number used. Each says
 * why it waits and whether a signal may end it early.
 */
function deferral(deps: ActivityDeps, ctx: DeliveryContext, wait: Wait): AttemptResult {
  const { because, delayMs, ...marks } = wait;
  // A run waiting for another run of the same attempt is no deferral of the delivery.
  if (because !== 'in-flight') deps.onDeferred?.(because);
  return { ...none, status: 'deferred', deferredBy: because, nextDelayMs: delayMs, host: hostOf(ctx.url), ...marks };
}

/** The answer of a run that sent nothing and waits for nothing: the delivery ended, or is held. */
const noAttempt = (status: AttemptResult['status']): AttemptResult => ({ ...none, status });

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
