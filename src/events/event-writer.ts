import { newId } from '../common/ids.js';
import { hostOf } from '../common/url.js';
import type { Queryable } from '../database/queryable.js';
import type { DeliveryKind } from '../deliveries/delivery.entity.js';
import type { DispatchItem } from '../deliveries/workflow-starter.js';

export interface NewEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** `data` as JSON text, when ingestion already serialised it (once per event). */
  json?: string;
  occurredAt: Date;
  idempotencyKey: string | null;
  deliveries: DispatchItem[];
}

export interface Target {
  id: string;
  status: string;
  url?: string;
}

/** A delivery to a paused or disabled subscription starts held; test sends ignore both. */
export function deliveriesFor(tenantId: string, eventType: string, targets: Target[], kind: DeliveryKind): DispatchItem[] {
  return targets.map((s) => ({
    id: newId('dlv'),
    tenantId,
    subscriptionId: s.id,
    eventType,
    status: (s.status === 'paused' || s.status === 'disabled') && kind !== 'test' ? 'held' : 'scheduled',
    targetHost: hostOf(s.url),
  }));
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

/** Writes events with their deliveries; returns the ids of the events actually inserted. */
export async function insertEvents(db: Queryable, tenantId: string, events: NewEvent[], kind: DeliveryKind): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const deliveries = events.flatMap((e) => e.deliveries.map((d) => ({ ...d, eventId: e.id })));
  const rows: { id: string }[] = await db.query(INSERT_SQL, [
    tenantId,
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.json ?? JSON.stringify(e.data)),
    events.map((e) => e.occurredAt),
    events.map((e) => e.idempotencyKey),
    deliveries.map((d) => d.id),
    deliveries.map((d) => d.eventId),
    deliveries.map((d) => d.subscriptionId),
    deliveries.map((d) => d.eventType),
    deliveries.map((d) => d.status),
    kind,
  ]);
  return new Set(rows.map((r) => r.id));
}

/** New deliveries of events that already exist (redelivery, recovery). */
export async function insertDeliveries(db: Queryable, items: (DispatchItem & { eventId: string })[], kind: DeliveryKind): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status)
     SELECT d.id, d.tenant_id, d.event_id, d.subscription_id, d.event_type, $7, d.status
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[])
            AS d(id, tenant_id, event_id, subscription_id, event_type, status)`,
    [
      items.map((d) => d.id),
      items.map((d) => d.tenantId),
      items.map((d) => d.eventId),
      items.map((d) => d.subscriptionId),
      items.map((d) => d.eventType),
      items.map((d) => d.status),
      kind,
    ],
  );
}
