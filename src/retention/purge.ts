import type { DataSource } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import { cancelDeliveries, ENDED, type Cancelled } from '../database/delivery-store/index.js';

/** Rows one statement purges: small enough to keep each transaction short beside live traffic. */
export const PURGE_BATCH = 1000;

// Counted by a SELECT over the UPDATE: TypeORM answers a statement whose command is UPDATE with
// [rows, rowCount], whose length (2) said nothing of the rows and never reached PURGE_BATCH (one batch per round).
interface Counted {
  n: number;
}

/**
 * One batch of event payloads past the retention: their data becomes `{}` and `purged_at` says when; the event
 * row, its deliveries and attempts stay. An event with a delivery still under way keeps its payload until that
 * delivery ends (a retry schedule may outlast the retention): an accepted event is never lost to the purge.
 */
export async function purgeEventPayloads(db: Queryable, cutoff: Date, limit = PURGE_BATCH): Promise<number> {
  const [row]: Counted[] = await db.query(
    `WITH batch AS (
       SELECT e.id FROM events e
        WHERE e.purged_at IS NULL AND e.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status NOT IN ${ENDED})
        ORDER BY e.created_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ), purged AS (
       UPDATE events e SET data_text = '{}', data = NULL, purged_at = now() FROM batch WHERE e.id = batch.id RETURNING e.id
     ) SELECT count(*)::int AS n FROM purged`,
    [cutoff, limit],
  );
  return row.n;
}

/** One batch of receivers' response bodies of attempts older than the retention (the attempt's metadata stays). */
export async function purgeResponseBodies(db: Queryable, cutoff: Date, limit = PURGE_BATCH): Promise<number> {
  const [row]: Counted[] = await db.query(
    `WITH batch AS (
       SELECT id FROM attempts WHERE response_body IS NOT NULL AND started_at < $1
        ORDER BY started_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ), purged AS (
       UPDATE attempts a SET response_body = NULL FROM batch WHERE a.id = batch.id RETURNING a.id
     ) SELECT count(*)::int AS n FROM purged`,
    [cutoff, limit],
  );
  return row.n;
}

/**
 * Forgets one event's payload now (right to be forgotten): `data` becomes `{}`, its deliveries' response bodies
 * and response headers go (a receiver may echo what it got), and its unfinished deliveries are cancelled, since
 * there is nothing left to send. Answers what the cancel ended and whom it wakes, or null when the tenant has no
 * such event.
 *
 * The event row is updated first, alone: that waits for any attempt being recorded (which share-locks it, see
 * the delivery store's recordOutcomeSql), and the statements after it see what that attempt wrote. An attempt
 * recorded after this commits finds the event purged and keeps nothing of the answer.
 */
export function forgetEvent(db: DataSource, tenantId: string, eventId: string): Promise<Cancelled | null> {
  return cancelDeliveries(db, { eventId }, async (tx) => {
    const found: unknown[] = await tx.query(
      `WITH e AS (UPDATE events SET data_text = '{}', data = NULL, purged_at = coalesce(purged_at, now()) WHERE tenant_id = $1 AND id = $2 RETURNING id)
       SELECT id FROM e`,
      [tenantId, eventId],
    );
    if (found.length === 0) return false;
    await tx.query(
      `UPDATE attempts SET response_body = NULL, response_headers = NULL
        WHERE (response_body IS NOT NULL OR response_headers IS NOT NULL)
          AND delivery_id IN (SELECT d.id FROM deliveries d WHERE d.event_id = $1)`,
      [eventId],
    );
    return true;
  });
}
