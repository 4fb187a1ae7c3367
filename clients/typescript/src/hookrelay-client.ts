import { randomUUID } from 'node:crypto';
import type * as M from './models.js';
import { createApiClient, unwrap, type ApiClient, type TransportOptions } from './transport.js';

export type HookrelayClientOptions = TransportOptions;

export interface SendOptions {
  /** Sent as `Idempotency-Key`; defaults to the event's `id`, else a generated one. The same key on every retry. */
  idempotencyKey?: string;
}

/**
 * A thin typed client for the hookrelay API. Every method answers the service's JSON, throws `HookrelayError`
 * for an error status (with the problem's `errors`) and `HookrelayConnectionError` when the service cannot be
 * reached; 429/503 and network errors are retried first (see retrying-fetch.ts).
 */
export class HookrelayClient {
  readonly subscriptions;
  readonly filters;
  readonly replays;
  readonly deliveries;
  readonly eventTypes;
  readonly events;
  readonly portalSessions;
  readonly apiKeys;
  private readonly api: ApiClient;

  constructor(private readonly options: HookrelayClientOptions) {
    const api = (this.api = createApiClient(options));
    const run = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => unwrap(options.baseUrl, call);
    const id = (value: string) => ({ params: { path: { id: value } } });
    const name = (value: string) => ({ params: { path: { name: value } } });

    this.subscriptions = {
      create: (body: M.CreateSubscription) => run(api.POST('/v1/subscriptions', { body })),
      list: (query: M.ListSubscriptionsQuery = {}) => run(api.GET('/v1/subscriptions', { params: { query } })),
      get: (subscriptionId: string) => run(api.GET('/v1/subscriptions/{id}', id(subscriptionId))),
      update: (subscriptionId: string, body: M.UpdateSubscription) =>
        run(api.PATCH('/v1/subscriptions/{id}', { ...id(subscriptionId), body })),
      pause: (subscriptionId: string) => run(api.POST('/v1/subscriptions/{id}/pause', id(subscriptionId))),
      resume: (subscriptionId: string) => run(api.POST('/v1/subscriptions/{id}/resume', id(subscriptionId))),
      test: (subscriptionId: string, body: M.TestSend = {}) =>
        run(api.POST('/v1/subscriptions/{id}/test', { ...id(subscriptionId), body })),
      rotateSecret: (subscriptionId: string, graceSeconds?: number) =>
        run(
          api.POST('/v1/subscriptions/{id}/rotate-secret', {
            ...id(subscriptionId),
            body: graceSeconds === undefined ? {} : { graceSeconds },
          }),
        ),
      delete: async (subscriptionId: string): Promise<void> => {
        await run(api.DELETE('/v1/subscriptions/{id}', id(subscriptionId)));
      },
      /** Whether the subscription's filter (or `body.filter`) matches a sample event, and why. */
      testFilter: (subscriptionId: string, body: M.SubscriptionFilterTest) =>
        run(api.POST('/v1/subscriptions/{id}/filter-test', { ...id(subscriptionId), body })),
      /** Sends again every delivery of the window that ended `failed` (a replay); answers how many. */
      recover: (subscriptionId: string, body: M.Recover) =>
        run(api.POST('/v1/subscriptions/{id}/recover', { ...id(subscriptionId), body })),
      /** The ed25519 keys `v1a` signatures verify with, as a JWK Set (empty for the shared-secret schemes). */
      jwks: (subscriptionId: string) => run(api.GET('/v1/subscriptions/{id}/jwks', id(subscriptionId))),
      /** A FIFO subscription's lines with work in them: each head and how many wait (`stuck: 'true'`: failed heads only). */
      lines: (subscriptionId: string, query: M.ListLinesQuery = {}) =>
        run(api.GET('/v1/subscriptions/{id}/lines', { params: { path: { id: subscriptionId }, query } })),
      /** Skips a line's head (it ends `cancelled`, reason `skipped`) and the next goes; 409 while its attempt is in flight. */
      skipLineHead: (subscriptionId: string, orderingKey: string) =>
        run(api.POST('/v1/subscriptions/{id}/lines/skip', { ...id(subscriptionId), body: { orderingKey } })),
    };

    this.replays = {
      /** Sends again every delivery the filters name (or, with `dryRun`, counts them). */
      create: (body: M.CreateReplay, idempotencyKey?: string) =>
        run(api.POST('/v1/replays', { body, params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} } })),
      /** The tenant's replays, newest first (`status`: only those in that state). */
      list: (query: M.ListReplaysQuery = {}) => run(api.GET('/v1/replays', { params: { query } })),
      get: (replayId: string) => run(api.GET('/v1/replays/{id}', id(replayId))),
      /** Stops a running replay (no more redeliveries; those made go on); 409 once it ended otherwise. */
      cancel: (replayId: string) => run(api.POST('/v1/replays/{id}/cancel', id(replayId))),
    };

    this.filters = {
      /** Whether a filter matches a sample event, and why; nothing is stored. */
      test: (body: M.FilterTest) => run(api.POST('/v1/filters/test', { body })),
    };

    this.deliveries = {
      /** Every delivery of the tenant, newest first, filtered. */
      search: (query: M.SearchDeliveriesQuery = {}) => run(api.GET('/v1/deliveries', { params: { query } })),
      list: (subscriptionId: string, query: M.ListDeliveriesQuery = {}) =>
        run(api.GET('/v1/subscriptions/{id}/deliveries', { params: { path: { id: subscriptionId }, query } })),
      get: (deliveryId: string) => run(api.GET('/v1/deliveries/{id}', id(deliveryId))),
      redeliver: (deliveryId: string) => run(api.POST('/v1/deliveries/{id}/redeliver', id(deliveryId))),
      cancel: (deliveryId: string) => run(api.POST('/v1/deliveries/{id}/cancel', id(deliveryId))),
    };

    this.eventTypes = {
      create: (body: M.CreateEventType) => run(api.POST('/v1/event-types', { body })),
      list: () => run(api.GET('/v1/event-types')),
      get: (eventTypeName: string) => run(api.GET('/v1/event-types/{name}', name(eventTypeName))),
      update: (eventTypeName: string, body: M.UpdateEventType) =>
        run(api.PATCH('/v1/event-types/{name}', { ...name(eventTypeName), body })),
      /** No new events of this type are accepted; its history stays. */
      archive: async (eventTypeName: string): Promise<void> => {
        await run(api.DELETE('/v1/event-types/{name}', name(eventTypeName)));
      },
      /** The catalog (non-archived types) as an AsyncAPI 3.0 document, to hand to receivers. */
      asyncApi: () => run(api.GET('/v1/catalog/asyncapi')),
    };

    this.apiKeys = {
      /** A key shown once; `scopes` (default all) and `expiresAt` (default never) limit it. Needs scope `admin`. */
      create: (body: M.CreateApiKey = {}) => run(api.POST('/v1/api-keys', { body })),
      list: () => run(api.GET('/v1/api-keys')),
      /** The key stops working at once. */
      revoke: async (keyId: string): Promise<void> => {
        await run(api.DELETE('/v1/api-keys/{id}', id(keyId)));
      },
    };

    this.events = {
      list: (query: M.ListEventsQuery = {}) => run(api.GET('/v1/events', { params: { query } })),
      get: (eventId: string) => run(api.GET('/v1/events/{id}', id(eventId))),
    };

    this.portalSessions = {
      /** A short-lived link into the web console for this key's tenant (`url`), e.g. for an iframe in your product. */
      create: (body: M.CreatePortalSession = {}) => run(api.POST('/v1/portal-sessions', { body })),
    };
  }

  /** The same client acting for another tenant (`Hookrelay-Tenant`): for operator keys only. */
  forTenant(tenant: string): HookrelayClient {
    return new HookrelayClient({ ...this.options, tenant });
  }

  /** Sends one event; `202` means it and its deliveries are durable. Safe to retry: see `SendOptions`. */
  sendEvent(event: M.EventInput, options: SendOptions = {}): Promise<M.AcceptedEvent> {
    // The service de-duplicates on the key, else on the event's `id`: a generated key must not shadow that id.
    const key = options.idempotencyKey ?? event.id ?? randomUUID();
    return unwrap(this.options.baseUrl, this.api.POST('/v1/events', { body: event, params: { header: { 'Idempotency-Key': key } } }));
  }

  /**
   * Sends up to 500 events in one request. Each event without an `id` gets one (the service de-duplicates on
   * it), so a retried batch creates nothing twice.
   */
  async sendBatch(events: M.EventInput[]): Promise<M.AcceptedEvent[]> {
    const withIds = events.map((e) => (e.id === undefined ? { ...e, id: randomUUID() } : e));
    const answer = await unwrap(this.options.baseUrl, this.api.POST('/v1/events/batch', { body: { events: withIds } }));
    return answer.data;
  }
}
