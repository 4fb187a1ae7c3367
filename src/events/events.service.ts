import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { Config } from '../app-config.token.js';
import type { TenantContext } from '../auth/tenant-context.js';
import { notFound, payloadTooLarge, validationFailed, type FieldError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { toPage } from '../common/pagination.js';
import { fieldErrors } from '../common/validation.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { DeliveryDispatcher, type DispatchItem } from '../deliveries/delivery-dispatcher.js';
import type { DeliveryKind } from '../deliveries/delivery.entity.js';
import { isOperational } from '../delivery/event-matching.js';
import { payloadErrors } from '../event-types/payload-schema.js';
import { MetricsService } from '../health/metrics.service.js';
import { eventInputSchema, type AcceptedEvent, type EventInput, type ListEventsQuery } from './event.dto.js';
import { Event } from './event.entity.js';
import { SubscriptionMatcher } from './subscription-matcher.js';

interface NewEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  idempotencyKey: string | null;
  deliveries: DispatchItem[];
}

interface CatalogEntry {
  name: string;
  schema: Record<string, unknown> | null;
  archived: boolean;
  version: string;
}

// Events and their deliveries in one statement: durable together or not at all. An idempotency key seen
// before inserts nothing (ON CONFLICT), and then neither do its deliveries.
const INSERT_SQL = `
WITH ev AS (
  INSERT INTO events (id, tenant_id, type, data, occurred_at, idempotency_key)
  SELECT e.id, $1, e.type, e.data::jsonb, e.occurred_at, e.key
    FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::timestamptz[], $6::varchar[]) AS e(id, type, data, occurred_at, key)
  ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id
), dl AS (
  INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status)
  SELECT d.id, $1, d.event_id, d.subscription_id, d.event_type, $12, d.status
    FROM unnest($7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[])
         AS d(id, event_id, subscription_id, event_type, status)
   WHERE d.event_id IN (SELECT id FROM ev)
)
SELECT id FROM ev`;

@Injectable()
export class EventsService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SubscriptionMatcher) private readonly matcher: SubscriptionMatcher,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /**
   * Validates, matches, writes events and deliveries in one statement, then starts the workflows.
   * `raw[i]` is checked against the event schema here so that a batch names its bad fields `events.i.*`.
   */
  async ingest(tenant: TenantContext, raw: unknown[], idempotencyKeys: (string | undefined)[], fieldPrefix?: (i: number) => string): Promise<AcceptedEvent[]> {
    const prefix = (i: number) => (fieldPrefix ? fieldPrefix(i) : undefined);
    const inputs = this.validateShape(raw, prefix);
    const keys = inputs.map((input, i) => idempotencyKeys[i] ?? input.id ?? null);

    const seen = await this.findByKeys(tenant.id, keys);
    const fresh = inputs.map((input, i) => ({ input, i })).filter(({ i }) => !keys[i] || !seen.has(keys[i]!));
    const types = [...new Set(fresh.map(({ input }) => input.type))];
    const [catalog, candidates] = await Promise.all([
      this.catalog(tenant.id, types),
      fresh.length ? this.matcher.candidates(tenant.id, types) : Promise.resolve([]),
    ]);
    this.validateAgainstCatalog(fresh, catalog, prefix);

    const byIndex = new Map<number, NewEvent>();
    for (const { input, i } of fresh) {
      const id = newId('evt');
      const deliveries = SubscriptionMatcher.select(candidates, input.type, input.data).map((s) => ({
        id: newId('dlv'),
        tenantId: tenant.id,
        subscriptionId: s.id,
        eventType: input.type,
        status: s.status === 'paused' ? 'held' : 'scheduled',
      }));
      const occurredAt = new Date(input.occurredAt ?? Date.now());
      byIndex.set(i, { id, type: input.type, data: input.data, occurredAt, idempotencyKey: keys[i] ?? null, deliveries });
    }
    const events = [...byIndex.values()];
    const inserted = await this.insert(tenant.id, events, 'event');
    const created = events.filter((e) => inserted.has(e.id));
    await this.dispatcher.dispatch(created.flatMap((e) => e.deliveries));
    this.metrics.eventsAccepted.inc(created.length);

    // A concurrent request (or an earlier entry of this batch) with the same key won: answer with its event.
    const earlier = created.length < events.length ? await this.findByKeys(tenant.id, keys) : seen;
    return inputs.map((_, i) => {
      const event = byIndex.get(i);
      if (event && inserted.has(event.id)) return this.accepted(event);
      return earlier.get(keys[i]!)!;
    });
  }

  /**
   * An event raised by the service itself (ping, test, operational), delivered to the given subscriptions
   * regardless of their patterns.
   */
  async raise(tenantId: string, type: string, data: Record<string, unknown>, targets: { id: string; status: string }[], kind: DeliveryKind, options: { dispatch?: boolean } = {}) {
    const event: NewEvent = {
      id: newId('evt'),
      type,
      data,
      occurredAt: new Date(),
      idempotencyKey: null,
      deliveries: targets.map((s) => ({
        id: newId('dlv'),
        tenantId,
        subscriptionId: s.id,
        eventType: type,
        status: s.status === 'paused' && kind !== 'test' ? 'held' : 'scheduled',
      })),
    };
    await this.insert(tenantId, [event], kind);
    if (options.dispatch !== false) await this.dispatcher.dispatch(event.deliveries);
    return event;
  }

  async get(tenantId: string, id: string) {
    const event = await this.db.getRepository(Event).findOneBy({ tenantId, id });
    if (!event) throw notFound('event', id);
    return { ...this.eventView(event), deliveries: await this.deliveries.forEvent(id) };
  }

  async list(tenantId: string, q: ListEventsQuery) {
    const where: FindOptionsWhere<Event> = { tenantId };
    if (q.type) where.type = q.type;
    if (q.since) where.createdAt = MoreThanOrEqual(new Date(q.since));
    if (q.cursor) where.id = LessThan(q.cursor);
    const rows = await this.db.getRepository(Event).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((e) => this.eventView(e)), nextCursor: page.nextCursor };
  }

  private eventView(e: Event) {
    return { id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), data: e.data, createdAt: e.createdAt.toISOString() };
  }

  private accepted(e: NewEvent): AcceptedEvent {
    return {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      deliveries: e.deliveries.map((d) => ({ id: d.id, subscriptionId: d.subscriptionId, status: d.status })),
    };
  }

  private validateShape(raw: unknown[], prefix: (i: number) => string | undefined): EventInput[] {
    const errors: FieldError[] = [];
    const tooLarge: FieldError[] = [];
    const inputs = raw.map((value, i) => {
      const parsed = eventInputSchema.safeParse(value ?? {});
      if (!parsed.success) {
        errors.push(...fieldErrors(parsed.error, prefix(i)));
        return undefined;
      }
      const size = Buffer.byteLength(JSON.stringify(parsed.data.data));
      if (size > this.config.payloadLimitBytes) {
        tooLarge.push({ field: [prefix(i), 'data'].filter(Boolean).join('.'), message: `is ${size} bytes; the limit is ${this.config.payloadLimitBytes}` });
      }
      return parsed.data;
    });
    if (errors.length) throw validationFailed(errors);
    if (tooLarge.length) throw payloadTooLarge('An event payload is over the size limit.', tooLarge);
    return inputs as EventInput[];
  }

  private validateAgainstCatalog(fresh: { input: EventInput; i: number }[], catalog: Map<string, CatalogEntry>, prefix: (i: number) => string | undefined) {
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
        for (const e of payloadErrors(entry.version, entry.schema, input.data)) errors.push({ field: [prefix(i), e.field].filter(Boolean).join('.'), message: e.message });
      }
    }
    if (errors.length) throw validationFailed(errors, 'Some events do not fit the event type catalog.');
  }

  private async catalog(tenantId: string, types: string[]): Promise<Map<string, CatalogEntry>> {
    if (types.length === 0) return new Map();
    const rows: { name: string; schema: Record<string, unknown> | null; archived: boolean; updatedAt: Date }[] = await this.db.query(
      `SELECT name, schema, archived_at IS NOT NULL AS archived, updated_at AS "updatedAt"
         FROM event_types WHERE tenant_id = $1 AND name = ANY($2)`,
      [tenantId, types],
    );
    return new Map(rows.map((r) => [r.name, { ...r, version: `${tenantId}:${r.name}:${r.updatedAt.getTime()}` }]));
  }

  private async findByKeys(tenantId: string, keys: (string | null)[]): Promise<Map<string, AcceptedEvent>> {
    const wanted = keys.filter((k): k is string => k !== null);
    if (wanted.length === 0) return new Map();
    const rows: { key: string; id: string; type: string; occurredAt: Date; deliveries: AcceptedEvent['deliveries'] }[] = await this.db.query(
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

  private async insert(tenantId: string, events: NewEvent[], kind: DeliveryKind): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const deliveries = events.flatMap((e) => e.deliveries.map((d) => ({ ...d, eventId: e.id })));
    const rows: { id: string }[] = await this.db.query(INSERT_SQL, [
      tenantId,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => e.occurredAt),
      events.map((e) => e.idempotencyKey),
      deliveries.map((d) => d.id),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.subscriptionId),
      deliveries.map((d) => d.eventType),
      deliveries.map((d) => d.status),
      kind,
    ]);
    this.metrics.deliveriesCreated.inc({ kind }, deliveries.length);
    return new Set(rows.map((r) => r.id));
  }
}
