import {
  allHandlersFinished,
  condition,
  makeContinueAsNewFunc,
  patched,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
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

/**
 * A run continues as new once its history holds this many events (about 160 deferrals, at 6 events each), or
 * sooner when the server suggests it. Far below Temporal's 51,200-event limit and its 4K suggestion, so that a
 * worker taking a waiting delivery over (restart, cache eviction) replays little, on any server (the time-skipping
 * test server suggests nothing).
 */
export const MAX_HISTORY_EVENTS_PER_RUN = 1_000;
/**
 * The server's suggestion counts only past this many events: the dev server (1.32) was seen suggesting it to
 * fresh runs, and a new run that is suggested the same at once would continue as new forever without an attempt.
 */
const MIN_HISTORY_EVENTS_FOR_SUGGESTION = 100;
/** Code from before continuing as new replays its recorded histories without it (test/workflows/histories/). */
const CONTINUE_AS_NEW_PATCH = 'deliver-continues-as-new';

const historyIsLong = () => {
  const { continueAsNewSuggested, historyLength } = workflowInfo();
  return historyLength >= MAX_HISTORY_EVENTS_PER_RUN || (continueAsNewSuggested && historyLength >= MIN_HISTORY_EVENTS_FOR_SUGGESTION);
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
    status: input.continued?.status ?? (input.held ? 'held' : 'scheduled'),
    attempts: (input.firstAttempt ?? 1) - 1,
    paused: input.held === true,
    nextAttemptAt: null,
  };
  let cancelled = false;
  let resumes = 0;
  let circuitCloses = 0;
  let wakes = 0;
  let lastStatusCode: number | null = input.continued?.lastStatusCode ?? null;
  let host: string | null = input.continued?.host ?? null;

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
    // Between attempts, not paused, nothing waited on: a long wait (deferral after deferral) goes on in a fresh run with
    // everything this loop holds. The wake counters matter only within one wait, which starts below. Signals
    // handled before this point are in `state`; one arriving as the run ends makes the server refuse the
    // continue-as-new and deliver it to this run first.
    if (historyIsLong() && patched(CONTINUE_AS_NEW_PATCH)) {
      await condition(allHandlersFinished);
      if (!cancelled) {
        // The search attributes as upserted so far (DeliveryStatus), explicitly: the UI keeps filtering right.
        const next = makeContinueAsNewFunc<typeof deliver>({ typedSearchAttributes: workflowInfo().typedSearchAttributes });
        await next({
          deliveryId: input.deliveryId,
          firstAttempt: attemptNumber,
          continued: { status: state.status, lastStatusCode, host },
        });
      }
      continue;
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
