// The shapes the console reads from /v1, taken from the typed client's models (clients/typescript, generated from
// /openapi.json), so a route that changes its answer breaks the console's build (tsc -p console/tsconfig.json),
// not its users. Type-only imports: nothing of the client's Node code reaches the browser bundle.
import type * as M from '../../../clients/typescript/src/models';
import type { operations } from '../../../clients/typescript/src/openapi-types';

/** The JSON answer of an operation for one status (for the few answers the client's models do not name). */
type Answer<Op extends keyof operations, Status extends number> = operations[Op]['responses'][Status &
  keyof operations[Op]['responses']] extends { content: { 'application/json': infer J } }
  ? J
  : never;

/** A list as the API pages it: `{ data, nextCursor }`. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Subscription = M.Subscription;
export type SubscriptionStatus = Subscription['status'];
/** A create, or (every field optional) a PATCH: what is left out stays as it is. */
export type SubscriptionInput = Partial<M.CreateSubscription>;
/** Auth as a read shows it: the password, token and client secret are write-only. */
export type SubscriptionAuthView = NonNullable<Subscription['auth']>;
export type SubscriptionAuthInput = NonNullable<M.CreateSubscription['auth']>;

export type DeliveryWithAttempts = M.Delivery;
/** A delivery as lists show it (no attempts). */
export type Delivery = M.DeliveryPage['data'][number];
export type DeliveryStatus = Delivery['status'];
export type DeliveryKind = Delivery['kind'];
export type Attempt = DeliveryWithAttempts['attempts'][number];
export type AttemptError = NonNullable<Attempt['error']>;
export type AttemptTimings = NonNullable<Attempt['timings']>;
export type TestSendResult = M.TestSendResult;
/** With FIFO ordering: after a head exhausts its retries, its line goes on (`skip`) or waits for a person (`block`). */
export type FifoOnFailure = Subscription['fifoOnFailure'];
/** A FIFO line with work in it (GET /v1/subscriptions/:id/lines). */
export type Line = M.Line;

/** The filters of `GET /v1/deliveries`, which a replay takes too. */
export type DeliveryFilters = Omit<M.SearchDeliveriesQuery, 'cursor' | 'limit'>;
export type Replay = M.Replay;
export type ReplayStatus = Replay['status'];
/** A page of `GET /v1/replays`, newest first. */
export type ReplayPage = M.ReplayPage;
/** The answer to `POST /v1/replays` with `dryRun: true`: counts and a sample, nothing sent. */
export type ReplayDryRun = Extract<Answer<'ReplaysController_create', 200>, { dryRun: true }>;

export type EventRecord = M.EventPage['data'][number];
export type EventWithDeliveries = M.Event;
export type EventType = M.EventType;

export type DeliveryStats = Answer<'StatsController_deliveries', 200>;
export type StatusCounts = DeliveryStats['byStatus'];

export type ApiKey = M.ApiKeyPage['data'][number];
export type CreatedApiKey = M.CreatedApiKey;
export type PortalLink = M.PortalSession;

/** Every member of a union, each once: the compiler names one the API added or dropped. */
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })) =>
    list as readonly T[] as T[];

export const DELIVERY_STATUSES = everyOf<DeliveryStatus>()([
  'scheduled',
  'held',
  'sending',
  'retrying',
  'succeeded',
  'failed',
  'cancelled',
]);
export const DELIVERY_KINDS = everyOf<DeliveryKind>()(['event', 'ping', 'test', 'redelivery']);
export const REPLAY_STATUSES = everyOf<ReplayStatus>()(['running', 'completed', 'cancelled', 'failed']);
