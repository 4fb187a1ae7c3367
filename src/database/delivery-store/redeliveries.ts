import type { Queryable } from '../queryable.js';
import { eventDataText, type StoredEventData } from '../../policy/event-data-text.js';
import { insertDeliveries } from './inserts.js';
import { blocksLine } from './lines.js';
import { unended } from './states.js';
import { deliveriesFor, type NewDelivery, type Target } from './delivery-rows.js';

/** What a redelivery is made from: a delivery of the event to the subscription. */
export interface Original {
  /** The delivery sent again, kept on the redelivery (`redelivery_of`). */
  id: string;
  eventId: string;
  eventType: string;
  subscriptionId: string;
}

export type Redelivery = NewDelivery & { eventId: string; redeliveryOf: string };

/** The events among these whose payload was purged (retention, or DELETE /v1/events/:id): nothing to send again. */
export async function purgedEvents(db: Queryable, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(`SELECT id FROM events WHERE id = ANY($1) AND purged_at IS NOT NULL`, [
    [...new Set(eventIds)],
  ]);
  return new Set(rows.map((r) => r.id));
}

/**
 * The events among these that still exist with their payload, share-locked until the caller's transaction ends:
 * a payload purge skips them (FOR UPDATE SKIP LOCKED) meanwhile, so it comes after the redeliveries commit and then
 * sees them under way, and the metadata retention (expired-rows.ts), which takes only purged events, never deletes
 * an event under a redelivery written after its look. Run it in the transaction that inserts the redeliveries.
 */
async function lockSendableEvents(db: Queryable, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(`SELECT id FROM events WHERE id = ANY($1) AND purged_at IS NULL ORDER BY id FOR SHARE`, [
    [...new Set(eventIds)],
  ]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Of these deliveries, those already sent again by a redelivery that is under way or succeeded: a replay or a
 * recover skips them, so overlapping replays (or a repeated recover) send each delivery once. One whose
 * redeliveries all ended failed or cancelled may be sent again.
 */
export async function alreadyResent(db: Queryable, deliveryIds: string[]): Promise<Set<string>> {
  if (deliveryIds.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(
    `SELECT DISTINCT redelivery_of AS id FROM deliveries WHERE redelivery_of = ANY($1) AND status NOT IN ('failed', 'cancelled')`,
    [deliveryIds],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Writes new deliveries (kind `redelivery`) of the same events to the same subscriptions (`webhook-id` stays the
 * event id), skipping purged or deleted events and deleted subscriptions, and answers them for starting. Call it in
 * a transaction (see lockSendableEvents). A FIFO
 * subscription's redelivery joins the tail of its line (named by today's key over the event's data).
 */
export async function writeRedeliveries(db: Queryable, tenantId: string, originals: Original[]): Promise<Redelivery[]> {
  const sendable = await lockSendableEvents(
    db,
    originals.map((d) => d.eventId),
  );
  originals = originals.filter((d) => sendable.has(d.eventId));
  if (originals.length === 0) return [];
  const subs: (Target & { deleted: boolean })[] = await db.query(
    `SELECT id, status, url, ordering, ordering_key AS "orderingKey", deleted_at IS NOT NULL AS deleted
       FROM subscriptions WHERE tenant_id = $1 AND id = ANY($2)`,
    [tenantId, [...new Set(originals.map((d) => d.subscriptionId))]],
  );
  const byId = new Map(subs.map((s) => [s.id, s]));
  const data = await dataOfLinedEvents(db, originals, byId);
  const items = originals.flatMap((d) => {
    const sub = byId.get(d.subscriptionId);
    if (!sub || sub.deleted) return [];
    return deliveriesFor(tenantId, d.eventType, [sub], 'redelivery', data.get(d.eventId)).map((item) => ({
      ...item,
      eventId: d.eventId,
      redeliveryOf: d.id,
    }));
  });
  await insertDeliveries(db, items, 'redelivery');
  await takeBlockedPlaces(
    db,
    items.map((i) => i.id),
  );
  return items;
}

/**
 * A redelivery of a failed head that blocks its FIFO line (fifoOnFailure `block`) takes the head's place rather
 * than the tail's: the line goes on once it succeeds, and blocks again if it exhausts its retries too. The head
 * stops blocking in the same statement (locked, so two redeliveries of one head move only one), and the
 * deliveries behind wait for the redelivery now (`predecessor`), no longer for a person.
 */
async function takeBlockedPlaces(db: Queryable, redeliveryIds: string[]): Promise<void> {
  if (redeliveryIds.length === 0) return;
  await db.query(
    `WITH unblocked AS (
       UPDATE deliveries o SET in_flight_until = NULL, updated_at = now()
        WHERE o.id IN (SELECT redelivery_of FROM deliveries WHERE id = ANY($1) AND redelivery_of IS NOT NULL) AND ${blocksLine('o')}
       RETURNING o.id, o.subscription_id, o.ordering_key, o.line_position
     ), moved AS (
       UPDATE deliveries r SET line_position = u.line_position, updated_at = now()
         FROM unblocked u
        WHERE r.id = ANY($1) AND r.redelivery_of = u.id AND r.subscription_id = u.subscription_id AND r.ordering_key = u.ordering_key
       RETURNING r.id
     )
     UPDATE deliveries f SET waiting_for = 'predecessor'
       FROM unblocked u
      WHERE f.subscription_id = u.subscription_id AND f.ordering_key = u.ordering_key AND f.line_position > u.line_position
        AND f.waiting_for = 'blocked-line' AND ${unended('f')} AND NOT f.id = ANY($1)`,
    [redeliveryIds],
  );
}

/** The data of the events whose redelivery joins a FIFO line named by a part of it (the line of today's key). */
async function dataOfLinedEvents(db: Queryable, originals: Original[], subs: Map<string, Target>): Promise<Map<string, unknown>> {
  const ids = originals.filter((d) => subs.get(d.subscriptionId)?.orderingKey != null).map((d) => d.eventId);
  if (ids.length === 0) return new Map();
  const rows: ({ id: string } & StoredEventData)[] = await db.query(
    `SELECT id, data_text AS "dataText", data AS "legacyData" FROM events WHERE id = ANY($1)`,
    [[...new Set(ids)]],
  );
  // Parsed as at ingest (JSON.parse of the same text), so a redelivery joins the line its original did.
  return new Map(rows.map((r) => [r.id, JSON.parse(eventDataText(r))]));
}
