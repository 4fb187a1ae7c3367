// Names for the shapes the service takes and gives, read from the generated types so they follow the API.
import type { operations } from './openapi-types.js';

type JsonContent<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Answer<Op extends keyof operations, Status extends number> = JsonContent<
  operations[Op]['responses'][Status & keyof operations[Op]['responses']]
>;
type Body<Op extends keyof operations> = operations[Op] extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type EventInput = Body<'EventsController_create'>;
export type AcceptedEvent = Answer<'EventsController_create', 202>;
export type Event = Answer<'EventsController_get', 200>;
export type EventPage = Answer<'EventsController_list', 200>;
export type ListEventsQuery = Query<'EventsController_list'>;

export type CreateSubscription = Body<'SubscriptionsController_create'>;
export type UpdateSubscription = Body<'SubscriptionsController_update'>;
export type CreatedSubscription = Answer<'SubscriptionsController_create', 201>;
export type Subscription = Answer<'SubscriptionsController_get', 200>;
export type SubscriptionPage = Answer<'SubscriptionsController_list', 200>;
export type ListSubscriptionsQuery = Query<'SubscriptionsController_list'>;
export type ResumedSubscription = Answer<'SubscriptionsController_resume', 200>;
export type TestSend = Body<'SubscriptionsController_test'>;
export type TestSendResult = Answer<'SubscriptionsController_test', 200>;
export type RotatedSecret = Answer<'SubscriptionsController_rotateSecret', 200>;
export type Recover = Body<'SubscriptionsController_recover'>;
export type Recovered = Answer<'SubscriptionsController_recover', 202>;
export type JwkSet = Answer<'JwksController_jwks', 200>;
export type LinePage = Answer<'LinesController_list', 200>;
export type Line = LinePage['data'][number];
export type ListLinesQuery = Query<'LinesController_list'>;
export type SkippedLineHead = Answer<'LinesController_skip', 200>;
export type FilterTest = Body<'FilterTestController_test'>;
export type SubscriptionFilterTest = Body<'FilterTestController_testSubscription'>;
export type FilterVerdict = Answer<'FilterTestController_test', 200>;

export type Delivery = Answer<'DeliveriesController_get', 200>;
export type DeliveryPage = Answer<'SubscriptionsController_history', 200>;
export type ListDeliveriesQuery = Query<'SubscriptionsController_history'>;
export type SearchDeliveriesQuery = Query<'DeliveriesController_search'>;
export type CreateReplay = Body<'ReplaysController_create'>;
export type Replay = Answer<'ReplaysController_get', 200>;
export type ReplayPage = Answer<'ReplaysController_list', 200>;
export type ListReplaysQuery = Query<'ReplaysController_list'>;
export type RedeliveredDelivery = Answer<'DeliveriesController_redeliver', 202>;
export type CancelledDelivery = Answer<'DeliveriesController_cancel', 200>;

export type CreateEventType = Body<'EventTypesController_create'>;
export type UpdateEventType = Body<'EventTypesController_update'>;
export type EventType = Answer<'EventTypesController_get', 200>;
export type AsyncApiDocument = Answer<'CatalogController_asyncApi', 200>;
export type EventTypePage = Answer<'EventTypesController_list', 200>;

export type CreatePortalSession = Body<'PortalSessionsController_create'>;
export type PortalSession = Answer<'PortalSessionsController_create', 201>;
export type CreateApiKey = Body<'TenantsController_createKey'>;
export type CreatedApiKey = Answer<'TenantsController_createKey', 201>;
export type ApiKeyPage = Answer<'TenantsController_listKeys', 200>;
