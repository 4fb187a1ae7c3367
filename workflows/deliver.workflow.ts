import { condition, proxyLocalActivities, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  cancelSignal,
  circuitClosedSignal,
  resumeSignal,
  searchAttributes,
  wakeSignal,
  stateQuery,
  type AttemptResult,
  type DeferredBy,
  type DeliverInput,
  type DeliverResult,
  type DeliveryActivities,
  type DeliveryState,
} from './contracts.js';

// Local activities: an attempt is one short HTTP call plus one database write, so it runs in the worker that
// holds the workflow task. That saves a task-queue round trip and three history events per attempt; a started
// workflow with an eager first task delivers without any poll. The UI shows each attempt as a marker with its summary.
const activities = proxyLocalActivities<DeliveryActivities>({
  // Above the longest per-attempt HTTP timeout (60 s) plus database time.
  startToCloseTimeout: '90s',
  // Only infrastructure errors (database down, worker lost) reach here; receivers' failures are results.
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
  localRetryThreshold: '10s',
});

const DEFERRED_BECAUSE: Record<DeferredBy, string> = {
  circuit: "the endpoint's circuit is open",
  share: "the tenant's share of attempts in flight is in use (slow endpoints)",
  'in-flight': 'another run of this attempt is still in flight',
  predecessor: 'the previous delivery of its FIFO line has not ended',
  'blocked-line': 'its FIFO line waits for a person to redeliver or skip its failed head',
  rate: "the subscription's rate limit",
  concurrency: "the subscription's maxConcurrency attempts are in flight",
  throttled: 'the receiver asked to slow down (429 or 503)',
};

const deferralReason = (r: AttemptResult) => {
  const why = DEFERRED_BECAUSE[r.deferredBy ?? 'circuit'];
  return r.waitsFor ? `${why} (${r.waitsFor})` : why;
};

const describe = (r: AttemptResult) => (r.statusCode !== null ? `HTTP ${r.statusCode}` : (r.errorType ?? 'no answer'));

/**
 * One delivery: one event to one subscription. Attempts follow the subscription's retry schedule on durable
 * timers. Postgres holds the truth (paused, cancelled) and each attempt reads it; signals only make a change
 * take effect without waiting (resume wakes a held delivery, cancel cuts a backoff short).
 */
export async function deliver(input: DeliverInput): Promise<DeliverResult> {
  // A delivery written held waits for resume without an attempt: nothing to load while its subscription is
  // paused. (Should a resume miss it, the sweeper signals held deliveries of active subscriptions.)
  const state: DeliveryState = {
    status: input.held ? 'held' : 'scheduled',
    attempts: (input.firstAttempt ?? 1) - 1,
    paused: input.held === true,
    nextAttemptAt: null,
  };
  let cancelled = false;
  let resumes = 0;
  let circuitCloses = 0;
  let wakes = 0;
  let lastStatusCode: number | null = null;
  let host: string | null = null;

  setHandler(resumeSignal, () => {
    state.paused = false;
    resumes++;
  });
  setHandler(circuitClosedSignal, () => {
    circuitCloses++;
  });
  setHandler(wakeSignal, () => {
    wakes++;
  });
  setHandler(cancelSignal, () => {
    cancelled = true;
  });
  setHandler(stateQuery, () => state);

  const setStatus = (status: string, details: string) => {
    setCurrentDetails(details);
    if (status === state.status) return;
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.deliveryStatus, value: status }]);
  };

  /**
   * A durable timer that a cancel cuts short, and so does a wake-up when the wait is an open circuit (the
   * circuit closed, or a resume closed it: go now) or another delivery (`wake`), counting them since the attempt
   * began so that one sent while it ran is not lost. The UI shows why and until when.
   */
  const circuitWakes = () => circuitCloses + resumes + wakes;
  const waitUntilNextAttempt = async (result: AttemptResult, wakesBefore: number, why: string, summary: string) => {
    const delayMs = result.nextDelayMs ?? 0;
    state.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    setStatus('retrying', `${why}; next attempt at ${state.nextAttemptAt}`);
    const wakeable = result.circuitOpen === true || result.wakeable === true;
    await condition(() => cancelled || (wakeable && circuitWakes() !== wakesBefore), delayMs, { summary });
    state.nextAttemptAt = null;
  };

  for (let attemptNumber = input.firstAttempt ?? 1; ;) {
    await condition(() => !state.paused || cancelled);
    if (cancelled) {
      setStatus('cancelled', 'cancelled');
      return { status: 'cancelled', attempts: state.attempts, lastStatusCode };
    }
    const resumesBefore = resumes;
    const wakesBefore = circuitWakes();
    const result = await activities.attemptDelivery.executeWithOptions(
      { summary: host ? `attempt ${attemptNumber} to ${host}` : `attempt ${attemptNumber}` },
      [{ deliveryId: input.deliveryId, attemptNumber }],
    );
    host = result.host ?? host;
    if (result.raise.length) await activities.raiseEvents(result.raise);
    if (result.status === 'held') {
      // A resume that arrived while the activity looked at the subscription must not be lost.
      if (resumes === resumesBefore) state.paused = true;
      setStatus('held', 'held: the subscription is paused or disabled');
      continue;
    }
    if (result.status === 'cancelled') {
      setStatus('cancelled', 'cancelled');
      return { status: 'cancelled', attempts: state.attempts, lastStatusCode };
    }
    if (result.status === 'deferred') {
      // No attempt may go now (see DeferredBy): wait without using an attempt number.
      const why = deferralReason(result);
      await waitUntilNextAttempt(
        result,
        wakesBefore,
        `attempt ${attemptNumber} deferred: ${why}`,
        result.deferredBy && result.deferredBy !== 'circuit'
          ? `attempt ${attemptNumber} waits: ${why}`
          : `circuit open, attempt ${attemptNumber} waits`,
      );
      continue;
    }
    state.attempts = attemptNumber;
    lastStatusCode = result.statusCode ?? lastStatusCode;
    const outcome = `attempt ${attemptNumber} to ${host ?? 'receiver'}: ${describe(result)}`;
    if (result.status !== 'retrying') {
      setStatus(result.status, outcome);
      return { status: result.status, attempts: state.attempts, lastStatusCode };
    }
    attemptNumber++;
    await waitUntilNextAttempt(result, wakesBefore, outcome, `retry ${attemptNumber} after ${describe(result)}`);
  }
}
