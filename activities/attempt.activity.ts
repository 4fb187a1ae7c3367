import type { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import { classifyAttempt, honoursRetryAfter } from '../src/delivery/outcome.js';
import { nextRetryDelayMs } from '../src/delivery/retry-schedule.js';
import type { AttemptInput, AttemptResult } from '../workflows/contracts.js';
import { loadDeliveryContext } from './delivery-context.js';
import { postRequest } from './post.activity.js';
import { recordAttempt, recordNoAttempt } from './record.activity.js';
import { signRequest } from './sign.activity.js';

export interface AttemptDeps {
  db: DataSource;
  http: Dispatcher;
  onAttempt?: (outcome: { status: string; statusCode: number | null; durationMs: number }) => void;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

/**
 * One attempt of one delivery: load, sign, POST, record. Sign and post happen inside one activity so that the
 * signed body, the secret and the auth headers never enter the workflow history; only the small result does.
 */
export async function attemptDelivery(deps: AttemptDeps, input: AttemptInput): Promise<AttemptResult> {
  const ctx = await loadDeliveryContext(deps.db, input.deliveryId);
  const none = { statusCode: null, errorType: null, nextDelayMs: null, host: null };
  if (!ctx) return { status: 'cancelled', ...none };
  if (ctx.deliveryStatus === 'cancelled' || ctx.deliveryStatus === 'succeeded' || ctx.deliveryStatus === 'failed') {
    return { status: ctx.deliveryStatus, ...none };
  }
  if (ctx.kind !== 'test') {
    if (ctx.subscriptionDeleted || ctx.subscriptionStatus === 'disabled') {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'cancelled');
      return { status: 'cancelled', ...none };
    }
    if (ctx.subscriptionStatus === 'paused') {
      await recordNoAttempt(deps.db, ctx.deliveryId, 'held');
      return { status: 'held', ...none };
    }
  }

  const startedAt = new Date();
  const result = await postRequest(deps.http, signRequest(ctx, input.attemptNumber, startedAt), ctx.timeoutMs);
  const verdict = classifyAttempt(result);
  const retryAfter = honoursRetryAfter(result.statusCode) ? result.retryAfterSeconds : null;
  const nextDelayMs =
    verdict === 'retry' && ctx.kind !== 'test' ? nextRetryDelayMs(ctx.retrySchedule, input.attemptNumber, retryAfter) : null;
  const status = verdict === 'succeeded' ? 'succeeded' : nextDelayMs !== null ? 'retrying' : 'failed';

  await recordAttempt(deps.db, {
    deliveryId: ctx.deliveryId,
    attemptNumber: input.attemptNumber,
    startedAt,
    result,
    status,
    nextAttemptAt: nextDelayMs !== null ? new Date(Date.now() + nextDelayMs) : null,
    disableReason: verdict === 'gone' ? `endpoint answered 410 Gone at ${startedAt.toISOString()}` : null,
  });
  deps.onAttempt?.({ status, statusCode: result.statusCode, durationMs: result.durationMs });
  return { status, statusCode: result.statusCode, errorType: result.errorType, nextDelayMs, host: hostOf(ctx.url) };
}
