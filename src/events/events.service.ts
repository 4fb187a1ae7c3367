import { Inject, Injectable } from '@nestjs/common';
import { ADMIN_KEY_ID } from '../auth/admin-key.js';
import { forgetEvent } from '../retention/purge.js';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import type { TenantContext } from '../auth/tenant-context.js';
import { notFound, payloadTooLarge, validationFailed, type FieldError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { toPage } from '../common/pagination.js';
import { RawJson } from '../policy/raw-json.js';
import { fieldErrors } from '../common/validation.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryDispatcher } from '../dispatch/delivery-dispatcher.js';
import type { DeliveryKind } from '../deliveries/delivery.entity.js';
import { isOperational } from '../policy/event-matching.js';
import { payloadErrors } from '../event-types/payload-schema.js';
import { MetricsService } from '../health/metrics.service.js';
import { insertEvents, type WriteGuard } from '../database/delivery-store/index.js';
import { deliveriesFor, type NewEvent, type Target } from '../database/delivery-store/index.js';
import type { DataTextOf } from './data-texts.js';
import { eventDataText } from '../policy/event-data-text.js';
import { eventInputSchema, type AcceptedEvent, type EventInput, type ListEventsQuery } from './event.dto.js';
import { Event } from './event.entity.js';
import { eventWhere } from './event-filters.js';
import { IngestQuotaGate } from './ingest-quota-gate.js';
import { FilterJudge } from './filter-judge.js';
import { SubscriptionMatcher } from './subscription-matcher.js';
import { TenantRouting, type CatalogEntry } from './tenant-routing.js';
import { currentTraceParent } from '../telemetry/trace-parent.js';
import { writeRouted } from './routed-write.js';

@Injectable()
export class EventsService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TenantRouting) private readonly routing: TenantRouting,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(IngestQuotaGate) private readonly quota: IngestQuotaGate,
    @Inject(FilterJudge) private readonly filters: FilterJudge,
  ) {}

  /**
   * Validates, matches, takes the events from the tenant's ingest quota, writes events and deliveries in one
   * statement, then starts the workflows. `raw[i]` is checked against the event schema here so that a batch
   * names its bad fields `events.i.*`; `dataTextOf(i)` is its `data` as the exact text received, which is what
   * is stored and sent (the parsed `data` serves matching and schemas). Only new events count against the quota:
   * a replay of a known Idempotency-Key or event `id` answers with the first result for free.
   */
  async ingest(
    tenant: TenantContext,
    raw: unknown[],
    dataTextOf: DataTextOf,
    idempotencyKeys: (string | undefined)[],
    fieldPrefix?: (i: number) => string,
  ): Promise<AcceptedEvent[]> {
    const prefix = (i: number) => (fieldPrefix ? fieldPrefix(i) : undefined);
    const { inputs, dataTexts } = this.validateShape(raw, dataTextOf, prefix);
    const keys = inputs.map((input, i) => idempotencyKeys[i] ?? input.id ?? null);

    const seen = await this.findByKeys(tenant.id, keys);
    const fresh = inputs.map((input, i) => ({ input, i })).filter(({ i }) => !keys[i] || !seen.has(keys[i]));

    const traceParent = currentTraceParent();
    const written = await writeRouted({
      routing: () => this.routing.get(tenant.id),
      forgetRouting: () => this.routing.forget(tenant.id),
      validate: (routing) => this.validateAgainstCatalog(fresh, routing.catalog, prefix),
      charge: () => this.quota.admit(tenant, fresh.length, fieldPrefix ? 'events' : undefined),
      build: async (routing) => {
        const built: NewEvent[] = [];
        for (const { input, i } of fresh) {
          const targets = await SubscriptionMatcher.select(this.filters, tenant.id, routing.subscriptions, input.type, input.data);
          const deliveries = deliveriesFor(tenant.id, input.type, targets, 'event', input.data);
          if (traceParent) for (const d of deliveries) d.traceParent = traceParent;
          const occurredAt = new Date(input.occurredAt ?? Date.now());
          built.push({
            id: newId('evt'),
            type: input.type,
            data: input.data,
            dataText: dataTexts[i],
            occurredAt,
            idempotencyKey: keys[i] ?? null,
            deliveries,
            traceParent,
          });
        }
        return built;
      },
      // ADMIN_API_KEY is no row of api_keys: nothing to check it against.
      write: (events, routingVersion) =>
        this.insert(tenant.id, events, 'event', { keyId: tenant.keyId === ADMIN_KEY_ID ? null : tenant.keyId, routingVersion }),
    });
    const { inserted } = written;
    const byIndex = new Map(fresh.map(({ i }, j) => [i, written.events[j]]));
    const events = [...byIndex.values()];
    const created = events.filter((e) => inserted.has(e.id));
    this.dispatcher.enqueue(created.flatMap((e) => e.deliveries));
    this.metrics.eventsAccepted.inc(created.length);

    // A concurrent request (or an earlier entry of this batch) with the same key won: answer with its event.
    const earlier = created.length < events.length ? await this.findByKeys(tenant.id, keys) : seen;
    return inputs.map((_, i) => {
      const event = byIndex.get(i);
      if (event && inserted.has(event.id)) return this.accepted(event);
      return earlier.get(keys[i]!)!;
    });
  }

  /** Checks a test event as ingestion would (catalog, schema, size), without writing anything. */
  async checkEvent(tenantId: string, input: { type: string; data: Record<string, unknown> }, dataText: string): Promise<void> {
    const [valid] = this.validateShape(
      [input],
      () => dataText,
      () => undefined,
    ).inputs;
    this.validateAgainstCatalog([{ input: valid, i: 0 }], (await this.routing.get(tenantId)).catalog, () => undefined);
  }

  /**
   * An event raised by the service itself (ping, test, operational), delivered to the given subscriptions
   * regardless of their patterns. `dataText`: the data's exact text when a client sent it (a test send).
   */
  async raise(
    tenantId: string,
    type: string,
    data: Record<string, unknown>,
    targets: Target[],
    kind: DeliveryKind,
    options: { dispatch?: boolean; dataText?: string } = {},
  ) {
    const event: NewEvent = {
      id: newId('evt'),
      type,
      data,
      dataText: options.dataText ?? JSON.stringify(data),
      occurredAt: new Date(),
      idempotencyKey: null,
      deliveries: deliveriesFor(tenantId, type, targets, kind, data),
    };
    await this.insert(tenantId, [event], kind);
    if (options.dispatch !== false) this.dispatcher.enqueue(event.deliveries);
    return event;
  }

  async get(tenantId: string, id: string) {
    const event = await this.db.getRepository(Event).findOneBy({ tenantId, id });
    if (!event) throw notFound('event', id);
    return { ...this.eventView(event), deliveries: await this.deliveries.forEvent(id) };
  }

  async list(tenantId: string, q: ListEventsQuery) {
    const where = eventWhere(tenantId, q, q.cursor);
    const rows = await this.db.getRepository(Event).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((e) => this.eventView(e)), nextCursor: page.nextCursor };
  }

  /** Purges one event's payload now (right to be forgotten); its unfinished deliveries end `cancelled`. */
  async forget(tenantId: string, id: string): Promise<void> {
    const cancelled = await forgetEvent(this.db, tenantId, id);
    if (cancelled === null) throw notFound('event', id);
    await this.dispatcher.afterCancel(cancelled);
  }

  private eventView(e: Event) {
    return {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      data: e.purgedAt ? null : new RawJson(eventDataText(e)),
      createdAt: e.createdAt.toISOString(),
      purgedAt: e.purgedAt?.toISOString() ?? null,
    };
  }

  private accepted(e: NewEvent): AcceptedEvent {
    return {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      deliveries: e.deliveries.map((d) => ({ id: d.id, subscriptionId: d.subscriptionId, status: d.status })),
    };
  }

  /** The events, and their data as the exact JSON text received (for the size check and the insert). */
  private validateShape(
    raw: unknown[],
    dataTextOf: DataTextOf,
    prefix: (i: number) => string | undefined,
  ): { inputs: EventInput[]; dataTexts: string[] } {
    const errors: FieldError[] = [];
    const inputs = raw.map((value, i) => {
      const parsed = eventInputSchema.safeParse(value ?? {});
      if (parsed.success) return parsed.data;
      errors.push(...fieldErrors(parsed.error, prefix(i)));
      return undefined;
    });
    if (errors.length) throw validationFailed(errors);
    const tooLarge: FieldError[] = [];
    const dataTexts = inputs.map((_, i) => {
      const text = dataTextOf(i);
      const size = Buffer.byteLength(text);
      if (size > this.config.payloadLimitBytes) {
        tooLarge.push({
          field: [prefix(i), 'data'].filter(Boolean).join('.'),
          message: `is ${size} bytes; the limit is ${this.config.payloadLimitBytes}`,
        });
      }
      return text;
    });
    if (tooLarge.length) throw payloadTooLarge('An event payload is over the size limit.', tooLarge);
    return { inputs: inputs as EventInput[], dataTexts };
  }

  private validateAgainstCatalog(
    fresh: { input: EventInput; i: number }[],
    catalog: Map<string, CatalogEntry>,
    prefix: (i: number) => string | undefined,
  ) {
    const errors: FieldError[] = [];
    const at = (i: number, field: string) => [prefix(i), field].filter(Boolean).join('.');
    for (const { input, i } of fresh) {
      const entry = catalog.get(input.type);
      if (!entry || entry.archived || isOperational(input.type)) {
        const why = !entry ? 'is not in the event type catalog' : entry.archived ? 'is archived' : 'is raised by the service only';
        errors.push({ field: at(i, 'type'), message: `${input.type} ${why}` });
        continue;
      }
      if (entry.schema) {
        for (const e of payloadErrors(entry.key, entry.version, entry.schema, input.data))
          errors.push({ field: [prefix(i), e.field].filter(Boolean).join('.'), message: e.message });
      }
    }
    if (errors.length) throw validationFailed(errors, 'Some events do not fit the event type catalog.');
  }

  private async findByKeys(tenantId: string, keys: (string | null)[]): Promise<Map<string, AcceptedEvent>> {
    const wanted = keys.filter((k): k is string => k !== null);
    if (wanted.length === 0) return new Map();
    const rows: { key: string; id: string; type: string; occurredAt: Date; deliveries: AcceptedEvent['deliveries'] }[] =
      await this.db.query(
        `SELECT e.idempotency_key AS key, e.id, e.type, e.occurred_at AS "occurredAt",
              COALESCE(json_agg(json_build_object('id', d.id, 'subscriptionId', d.subscription_id, 'status', d.status) ORDER BY d.id)
                       FILTER (WHERE d.id IS NOT NULL), '[]') AS deliveries
         FROM events e LEFT JOIN deliveries d ON d.event_id = e.id
        WHERE e.tenant_id = $1 AND e.idempotency_key = ANY($2)
        GROUP BY e.id`,
        [tenantId, wanted],
      );
    return new Map(rows.map((r) => [r.key, { id: r.id, type: r.type, occurredAt: r.occurredAt.toISOString(), deliveries: r.deliveries }]));
  }

  private async insert(tenantId: string, events: NewEvent[], kind: DeliveryKind, guard?: WriteGuard) {
    const written = await insertEvents(this.db, tenantId, events, kind, guard);
    const count = events.filter((e) => written.inserted.has(e.id)).reduce((n, e) => n + e.deliveries.length, 0);
    this.metrics.deliveriesCreated.inc({ kind }, count);
    return written;
  }
}
