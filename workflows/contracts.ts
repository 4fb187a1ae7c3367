// The seam between the service and its workflows: ids, inputs, results, signals, queries and search attributes.
// Imported by the workflow bundle, so: relative imports only, nothing from Node or Nest.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const DELIVER_WORKFLOW_TYPE = 'deliver';
export const workflowIdFor = (deliveryId: string) => `delivery-${deliveryId}`;

export const searchAttributes = {
  tenantId: defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD),
  subscriptionId: defineSearchAttributeKey('SubscriptionId', SearchAttributeType.KEYWORD),
  eventType: defineSearchAttributeKey('EventType', SearchAttributeType.KEYWORD),
  deliveryStatus: defineSearchAttributeKey('DeliveryStatus', SearchAttributeType.KEYWORD),
};

/** Ids only: everything else (payload, URL, secrets) is loaded by the activity from Postgres. */
export interface DeliverInput {
  deliveryId: string;
  /** Written held (the subscription was paused): wait for resume before the first attempt. */
  held?: boolean;
  /**
   * A run restarted by the reconciler after its workflow was lost (terminated, retention): attempts before this
   * number are on record already.
   */
  firstAttempt?: number;
  /**
   * Set when a run continued as new (its history grew long): what the previous run showed, so the new run goes on
   * where it stood. The attempt number travels in `firstAttempt`, which every version reads (it continues between
   * attempts, never while paused).
   */
  continued?: ContinuedDelivery;
}

export interface ContinuedDelivery {
  status: string;
  lastStatusCode: number | null;
  host: string | null;
}

export interface AttemptInput {
  deliveryId: string;
  attemptNumber: number;
}

/**
 * Where the delivery stands after one attempt (or after finding that none may be made now: `held` while paused,
 * `deferred` while the subscription's circuit breaker is open, which uses no attempt number).
 */
export type AttemptStatus = 'succeeded' | 'retrying' | 'failed' | 'held' | 'cancelled' | 'deferred';

/** An operational event the workflow must raise after an attempt (ids and counts only). */
export interface RaiseRequest {
  tenantId: string;
  type: 'delivery.exhausted' | 'subscription.disabled' | 'subscription.certificate_expiring';
  data: Record<string, string | number | null>;
  /** Idempotency key: raising twice (activity retry) creates one event. */
  key: string;
}

/**
 * Why an attempt may not go now: the endpoint's circuit is open; the tenant's share of the worker's attempts in
 * flight is used; another run of this attempt is still out; the previous delivery of its FIFO line has not
 * ended; the subscription's rate limit, its `maxConcurrency`, or a `429`/`503` from the receiver (throttled).
 */
export type DeferredBy = 'circuit' | 'share' | 'in-flight' | 'predecessor' | 'blocked-line' | 'rate' | 'concurrency' | 'throttled';

/** Small by design: it is kept in the workflow history. */
export interface AttemptResult {
  status: AttemptStatus;
  statusCode: number | null;
  errorType: string | null;
  /** Set when status is `retrying` or `deferred`. */
  nextDelayMs: number | null;
  /**
   * The wait is the subscription's open circuit (a deferral, or a retry pushed past the reopening): the
   * `circuitClosed` signal, sent when a probe closes the circuit, ends it early (and so does `resume`, which
   * closes the circuit too).
   */
  circuitOpen?: boolean;
  /** With `deferred`: why no attempt may go now (absent in results of code from before: the circuit). */
  deferredBy?: DeferredBy;
  /**
   * The wait is for something another delivery ends (its line's predecessor, a place among the subscription's
   * attempts in flight): the `wake` signal ends it early. `nextDelayMs` is then only a fallback.
   */
  wakeable?: boolean;
  /** With `deferredBy: 'predecessor'`: the delivery this one waits for, for the Temporal UI. */
  waitsFor?: string;
  /** For the Temporal UI: which host was called. */
  host: string | null;
  /** Operational events this outcome calls for. */
  raise: RaiseRequest[];
}

export interface DeliverResult {
  status: 'succeeded' | 'failed' | 'cancelled';
  attempts: number;
  lastStatusCode: number | null;
}

export interface DeliveryState {
  status: string;
  attempts: number;
  paused: boolean;
  nextAttemptAt: string | null;
}

/** The subscription was resumed (or re-enabled): attempt now if held. */
export const resumeSignal = defineSignal('resume');
/** The subscription's circuit closed: a delivery waiting on it (not on its own retry schedule) attempts now. */
export const circuitClosedSignal = defineSignal('circuitClosed');
/** What this delivery waits for (see `AttemptResult.wakeable`) may have ended: look again now. */
export const wakeSignal = defineSignal('wake');
/** The delivery was cancelled: no more attempts. */
export const cancelSignal = defineSignal('cancel');
export const stateQuery = defineQuery<DeliveryState>('state');

/** The activities the workflow calls; implemented in activities/ by createActivities(deps). */
export interface DeliveryActivities {
  attemptDelivery(input: AttemptInput): Promise<AttemptResult>;
  raiseEvents(requests: RaiseRequest[]): Promise<void>;
}
