import type { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import { isOperational } from '../src/delivery/event-matching.js';
import { urlRefusal, type NetworkPolicy } from '../src/delivery/network-policy.js';
import { classifyAttempt, honoursRetryAfter } from '../src/delivery/outcome.js';
import { nextRetryDelayMs } from '../src/delivery/retry-schedule.js';
import { cooldownSeconds, deferralSpread } from '../src/delivery/circuit-breaker.js';
import type { CircuitPolicy } from '../src/config.js';
import { hostOf } from '../src/common/url.js';
import type { SecretBox } from '../src/secrets/secret-box.js';
import type { AttemptInput, AttemptResult, RaiseRequest } from '../workflows/contracts.js';
import { decideCircuit } from './circuit.activity.js';
import { loadDeliveryContext } from './delivery-context.js';
import { blockedResult, postRequest } from './post.activity.js';
import { recordAttempt, recordNoAttempt } from './record.activity.js';
import { signRequest } from './sign.activity.js';

export interface AttemptDeps {
  db: DataSource;
  http: Dispatcher;
  disableAfterHours: number;
  circuit: CircuitPolicy;
  policy: NetworkPolicy;
  box: SecretBox;
  onAttempt?: (outcome: { status: string; statusCode: number | null; durationMs: number }) => void;
  onDeferred?: () => void;
  /** A success found the subscription's circuit open or half-open, and closed it. */
  onCircuitClosed?: (subscriptionId: string) => void;
}

const none = { statusCode: null, errorType: null, nextDelayMs: null, host: null, raise: [] };

/**
 * One attempt of one delivery: load, sign, POST, record. Sign and post happen inside one activity so that the
 * signed body, the secret and the auth headers never enter the workflow history; only the small result does.
 */
export async function attemptDelivery(deps: AttemptDeps, input: AttemptInput): Promise<AttemptResult> {
  const ctx = await loadDeliveryContext(deps.db, deps.box, input.deliveryId);
  if (!ctx) return { status: 'cancelled', ...none };
  if (ctx.deliveryStatus === 'cancelled' || ctx.deliveryStatus === 'succeeded' || ctx.deliveryStatus === 'failed') {
    return { status: ctx.deliveryStatus, ...none };
  }
  const isTest = ctx.kind === 'test';
  let probe = false;
  if (!isTest) {
    if (ctx.subscriptionDeleted || ctx.subscriptionStatus === 'disabled') {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'cancelled');
      return { status: 'cancelled', ...none };
    }
    if (ctx.subscriptionStatus === 'paused') {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'held');
      return { status: 'held', ...none };
    }
    const circuit = await decideCircuit(deps.db, deps.circuit, ctx);
    if (!circuit.go) {
      deps.onDeferred?.();
      return { status: 'deferred', ...none, nextDelayMs: circuit.delayMs, host: hostOf(ctx.url), circuitOpen: true };
    }
    probe = circuit.probe;
  }

  const startedAt = new Date();
  const refusal = urlRefusal(deps.policy, ctx.url);
  const result = refusal
    ? blockedResult(`${ctx.url.length > 200 ? 'the URL' : ctx.url} ${refusal}`)
    : await postRequest(deps.http, signRequest(ctx, input.attemptNumber, startedAt), ctx.timeoutMs);
  const verdict = classifyAttempt(result);
  const retryAfter = honoursRetryAfter(result.statusCode) ? result.retryAfterSeconds : null;
  const scheduledDelayMs = verdict === 'retry' && !isTest ? nextRetryDelayMs(ctx.retrySchedule, input.attemptNumber, retryAfter) : null;
  const status = verdict === 'succeeded' ? 'succeeded' : scheduledDelayMs !== null ? 'retrying' : 'failed';

  const { disabledReason, circuitWaitMs } = await recordAttempt(deps.db, {
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
  });
  // An open circuit holds the retry back until it may be tried again (the database wrote the same time).
  const nextDelayMs = scheduledDelayMs !== null ? Math.max(scheduledDelayMs, Math.round(circuitWaitMs ?? 0)) : null;
  deps.onAttempt?.({ status, statusCode: result.statusCode, durationMs: result.durationMs });
  if (verdict === 'succeeded' && !isTest && ctx.circuitOpenUntil !== null) deps.onCircuitClosed?.(ctx.subscriptionId);

  // Operational events never raise more operational events: a failing ops endpoint cannot start a loop.
  const raise: RaiseRequest[] = [];
  if (!isOperational(ctx.eventType)) {
    if (status === 'failed' && verdict === 'retry' && !isTest) {
      raise.push({
        tenantId: ctx.tenantId,
        type: 'delivery.exhausted',
        key: `delivery.exhausted:${ctx.deliveryId}`,
        data: { deliveryId: ctx.deliveryId, eventId: ctx.eventId, eventType: ctx.eventType, subscriptionId: ctx.subscriptionId, attempts: input.attemptNumber, lastStatusCode: result.statusCode },
      });
    }
    if (disabledReason) {
      raise.push({
        tenantId: ctx.tenantId,
        type: 'subscription.disabled',
        key: `subscription.disabled:${ctx.subscriptionId}:${ctx.deliveryId}:${input.attemptNumber}`,
        data: { subscriptionId: ctx.subscriptionId, reason: disabledReason },
      });
    }
  }
  // The wait is the circuit's (not the schedule's): a wake-up when the circuit closes may end it early.
  const circuitOpen = scheduledDelayMs !== null && circuitWaitMs !== null && circuitWaitMs >= scheduledDelayMs;
  return { status, statusCode: result.statusCode, errorType: result.errorType, nextDelayMs, host: hostOf(ctx.url), raise, ...(circuitOpen && { circuitOpen }) };
}
