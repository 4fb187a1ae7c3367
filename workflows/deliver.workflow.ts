import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  cancelSignal,
  pauseSignal,
  resumeSignal,
  searchAttributes,
  stateQuery,
  type DeliverInput,
  type DeliverResult,
  type DeliveryActivities,
  type DeliveryState,
} from './contracts.js';

const activities = proxyActivities<DeliveryActivities>({
  // Above the longest per-attempt HTTP timeout (60 s) plus database time.
  startToCloseTimeout: '90s',
  // Only infrastructure errors (database down, worker lost) reach here; receivers' failures are results.
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * One delivery: one event to one subscription. Attempts follow the subscription's retry schedule on durable
 * timers. Postgres holds the truth (paused, cancelled); signals only make it take effect without waiting.
 */
export async function deliver(input: DeliverInput): Promise<DeliverResult> {
  const state: DeliveryState = { status: 'scheduled', attempts: 0, paused: false, nextAttemptAt: null };
  let cancelled = false;
  let resumes = 0;
  let lastStatusCode: number | null = null;

  setHandler(pauseSignal, () => {
    state.paused = true;
  });
  setHandler(resumeSignal, () => {
    state.paused = false;
    resumes++;
  });
  setHandler(cancelSignal, () => {
    cancelled = true;
  });
  setHandler(stateQuery, () => state);

  const setStatus = (status: string) => {
    if (status === state.status) return;
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.deliveryStatus, value: status }]);
  };

  for (let attemptNumber = 1; ; ) {
    await condition(() => !state.paused || cancelled);
    if (cancelled) {
      setStatus('cancelled');
      return { status: 'cancelled', attempts: state.attempts, lastStatusCode };
    }
    const resumesBefore = resumes;
    const result = await activities.attemptDelivery.executeWithOptions(
      { summary: `attempt ${attemptNumber}` },
      [{ deliveryId: input.deliveryId, attemptNumber }],
    );
    if (result.status === 'held') {
      // A resume that arrived while the activity looked at the subscription must not be lost.
      if (resumes === resumesBefore) state.paused = true;
      setStatus('held');
      continue;
    }
    state.attempts = attemptNumber;
    if (result.statusCode !== null) lastStatusCode = result.statusCode;
    setStatus(result.status);
    if (result.status !== 'retrying') {
      return { status: result.status, attempts: state.attempts, lastStatusCode };
    }
    const delay = result.nextDelayMs ?? 0;
    state.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    attemptNumber++;
    await condition(() => cancelled, delay, {
      summary: `retry ${attemptNumber} after ${describeOutcome(result.statusCode, result.errorType)}`,
    });
    state.nextAttemptAt = null;
  }
}

function describeOutcome(statusCode: number | null, errorType: string | null): string {
  return statusCode !== null ? `HTTP ${statusCode}` : (errorType ?? 'error');
}
