import { queryPrepared } from '../prepared.js';
import type { Queryable } from '../queryable.js';
import type { DeliveryKind } from '../../deliveries/delivery.entity.js';

/** A delivery to write: its line on a FIFO subscription (null: none). */
export interface DeliveryRow {
  id: string;
  subscriptionId: string;
  eventType: string;
  status: string;
  orderingKey: string | null;
}

/** An event to write with its deliveries: `dataText` is the exact JSON text received. */
export interface EventRow {
  id: string;
  type: string;
  dataText: string;
  occurredAt: Date;
  idempotencyKey: string | null;
  deliveries: DeliveryRow[];
  traceParent?: string | null;
}

/**
 * SQL: appends the new deliveries of `nd` (columns id, subscription_id, ordering_key, ord: their order) to their
 * FIFO lines as CTE `line`, and gives each in CTE `linked` its place in the line (after the line's last one, in
 * this statement's order) and its predecessor: the one before it in this statement, or for the first of a line
 * here, the line's tail before. A row lock on the line orders concurrent writers (rows are locked in key order,
 * so two writers cannot deadlock on each other's lines), so places follow the order of commit.
 */
const LINK_TO_LINES = `
line AS (
  INSERT INTO delivery_lines AS l (subscription_id, ordering_key, tail_id, last_position)
  SELECT DISTINCT ON (subscription_id, ordering_key) subscription_id, ordering_key, id,
         count(*) OVER (PARTITION BY subscription_id, ordering_key)
    FROM nd WHERE ordering_key IS NOT NULL
   ORDER BY subscription_id, ordering_key, ord DESC
  ON CONFLICT (subscription_id, ordering_key) DO UPDATE
     SET tail_id = EXCLUDED.tail_id, previous_tail_id = l.tail_id, last_position = l.last_position + EXCLUDED.last_position
  RETURNING subscription_id, ordering_key, previous_tail_id, last_position
), linked AS (
  SELECT nd.*,
         CASE WHEN nd.ordering_key IS NOT NULL THEN
           COALESCE(lag(nd.id) OVER (PARTITION BY nd.subscription_id, nd.ordering_key ORDER BY nd.ord),
                    (SELECT previous_tail_id FROM line WHERE line.subscription_id = nd.subscription_id AND line.ordering_key = nd.ordering_key))
         END AS predecessor_id,
         CASE WHEN nd.ordering_key IS NOT NULL THEN
           (SELECT last_position FROM line WHERE line.subscription_id = nd.subscription_id AND line.ordering_key = nd.ordering_key)
           - count(*) OVER (PARTITION BY nd.subscription_id, nd.ordering_key)
           + row_number() OVER (PARTITION BY nd.subscription_id, nd.ordering_key ORDER BY nd.ord)
         END AS line_position
    FROM nd
)`;

// Events and their deliveries in one statement: durable together or not at all. An idempotency key seen
// before inserts nothing (ON CONFLICT), and then neither do its deliveries. Ingestion from cached state passes
// the key it authenticated with and the routing version it matched against: the statement writes nothing if
// the key was revoked or the routing moved since, and says which.
const INSERT_SQL = `
WITH gate AS (
  SELECT CASE
           WHEN $15::varchar IS NOT NULL AND NOT EXISTS (SELECT 1 FROM api_keys WHERE id = $15 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())) THEN 'revoked'
           WHEN $14::bigint IS NOT NULL AND (SELECT routing_version FROM tenants WHERE id = $1) <> $14 THEN 'stale'
         END AS refused
), ev AS (
  INSERT INTO events (id, tenant_id, type, data_text, occurred_at, idempotency_key, trace_parent)
  SELECT e.id, $1, e.type, e.data, e.occurred_at, e.key, e.trace_parent
    FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::timestamptz[], $6::varchar[], $16::varchar[])
         AS e(id, type, data, occurred_at, key, trace_parent)
   WHERE (SELECT refused FROM gate) IS NULL
  ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id
), nd AS (
  SELECT d.* FROM unnest($7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[], $13::text[])
         WITH ORDINALITY AS d(id, event_id, subscription_id, event_type, status, ordering_key, ord)
   WHERE d.event_id IN (SELECT id FROM ev)
), ${LINK_TO_LINES}, dl AS (
  INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, ordering_key, predecessor_id, line_position)
  SELECT id, $1, event_id, subscription_id, event_type, $12, status, ordering_key, predecessor_id, line_position FROM linked
)
SELECT ARRAY(SELECT id FROM ev) AS ids, (SELECT refused FROM gate) AS refused`;

/** What an ingest write is checked against: the key that authenticated it, the routing it was matched with. */
export interface WriteGuard {
  /** null: not checked (ADMIN_API_KEY, which is no row of api_keys). */
  keyId: string | null;
  /** null: not checked. */
  routingVersion: string | null;
}

/**
 * Writes events with their deliveries; returns the ids of the events actually inserted, or why nothing was
 * written (`guard` given: the key was revoked, or the routing moved).
 */
export async function insertEvents(
  db: Queryable,
  tenantId: string,
  events: EventRow[],
  kind: DeliveryKind,
  guard?: WriteGuard,
): Promise<{ inserted: Set<string>; refused: 'revoked' | 'stale' | null }> {
  if (events.length === 0) return { inserted: new Set(), refused: null };
  const deliveries = events.flatMap((e) => e.deliveries.map((d) => ({ ...d, eventId: e.id })));
  const [row] = await queryPrepared<{ ids: string[]; refused: 'revoked' | 'stale' | null }>(db, 'hookrelay_insert_events', INSERT_SQL, [
    tenantId,
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.dataText),
    events.map((e) => e.occurredAt),
    events.map((e) => e.idempotencyKey),
    deliveries.map((d) => d.id),
    deliveries.map((d) => d.eventId),
    deliveries.map((d) => d.subscriptionId),
    deliveries.map((d) => d.eventType),
    deliveries.map((d) => d.status),
    kind,
    deliveries.map((d) => d.orderingKey),
    guard?.routingVersion ?? null,
    guard?.keyId ?? null,
    events.map((e) => e.traceParent ?? null),
  ]);
  return { inserted: new Set(row.ids), refused: row.refused };
}

/** New deliveries of events that already exist (redelivery, recovery). */
export async function insertDeliveries(
  db: Queryable,
  items: (DeliveryRow & { tenantId: string; eventId: string; redeliveryOf?: string | null })[],
  kind: DeliveryKind,
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `WITH nd AS (
       SELECT d.* FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $8::text[], $9::varchar[])
              WITH ORDINALITY AS d(id, tenant_id, event_id, subscription_id, event_type, status, ordering_key, redelivery_of, ord)
     ), ${LINK_TO_LINES}
     INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, ordering_key, predecessor_id, line_position, redelivery_of)
     SELECT id, tenant_id, event_id, subscription_id, event_type, $7, status, ordering_key, predecessor_id, line_position, redelivery_of FROM linked`,
    [
      items.map((d) => d.id),
      items.map((d) => d.tenantId),
      items.map((d) => d.eventId),
      items.map((d) => d.subscriptionId),
      items.map((d) => d.eventType),
      items.map((d) => d.status),
      kind,
      items.map((d) => d.orderingKey),
      items.map((d) => d.redeliveryOf ?? null),
    ],
  );
}
