import type { Queryable } from '../queryable.js';
import { idMadeAt } from '../../common/ids.js';
import { holdsLine } from './lines.js';

/** What one batch of the metadata retention removed, and where the next batch goes on. */
export interface ExpiredRows {
  /** Events the batch looked at (at most its limit): fewer than the limit means the walk reached the cutoff. */
  scanned: number;
  /** The last event id looked at: the next batch starts after it (null: none looked at). */
  cursor: string | null;
  events: number;
  deliveries: number;
  attempts: number;
}

// One batch, one statement (one short transaction): the next `limit` events after the cursor and before the cutoff
// by primary key (so a batch reads at most `limit` events and their deliveries, however many rows the tables
// hold), of which those go whose payload is already purged and whose every delivery ended before the cutoff and no
// longer holds its FIFO line (a blocked head, an attempt in flight) nor is a line's tail. Locked, skipping what
// another statement holds: a redelivery writing under its event's share lock (redeliveries.ts), a purge.
// Attempts, then deliveries, then the event: there are no foreign keys to cascade. Each step names its rows as an
// array (`= ANY`), so each is an index probe per row whatever the planner guesses of a CTE's size.
const DELETE_SQL = `
WITH scanned AS (
  SELECT e.id FROM events e WHERE e.id > $1 AND e.id < $2 ORDER BY e.id LIMIT $4
), doomed AS (
  SELECT e.id FROM events e
   WHERE e.id = ANY (ARRAY(SELECT id FROM scanned)) AND e.created_at < $3 AND e.purged_at IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM deliveries d WHERE d.event_id = e.id
          AND (${holdsLine('d')} OR coalesce(d.completed_at, d.updated_at) >= $3
               OR EXISTS (SELECT 1 FROM delivery_lines l
                           WHERE l.subscription_id = d.subscription_id AND l.ordering_key = d.ordering_key
                             AND d.id IN (l.tail_id, l.previous_tail_id))))
   FOR UPDATE OF e SKIP LOCKED
), gone_deliveries AS (
  DELETE FROM deliveries d WHERE d.event_id = ANY (ARRAY(SELECT id FROM doomed)) RETURNING d.id
), gone_attempts AS (
  DELETE FROM attempts a WHERE a.delivery_id = ANY (ARRAY(SELECT id FROM gone_deliveries)) RETURNING a.id
), gone_events AS (
  DELETE FROM events e WHERE e.id = ANY (ARRAY(SELECT id FROM doomed)) RETURNING e.id
)
SELECT (SELECT count(*) FROM scanned)::int AS scanned, (SELECT max(id) FROM scanned) AS cursor,
       (SELECT count(*) FROM gone_events)::int AS events, (SELECT count(*) FROM gone_deliveries)::int AS deliveries,
       (SELECT count(*) FROM gone_attempts)::int AS attempts`;

/** SQL and parameters of one batch, for EXPLAIN in tests. */
export function expiredRowsBatch(cutoff: Date, after: string | null, limit: number): { sql: string; params: unknown[] } {
  return { sql: DELETE_SQL, params: [after ?? '', idMadeAt('evt', cutoff.getTime()), cutoff, limit] };
}

/**
 * Deletes one batch of ended events older than `cutoff` with their deliveries and attempts (metadata retention),
 * walking events oldest first from `after` (an event id; null: the oldest). An event with a delivery that has not
 * ended, ended after the cutoff (a recent redelivery of an old event) or still holds its FIFO line stays whole.
 */
export async function deleteExpiredRows(db: Queryable, cutoff: Date, after: string | null, limit: number): Promise<ExpiredRows> {
  const batch = expiredRowsBatch(cutoff, after, limit);
  const [row]: ExpiredRows[] = await db.query(batch.sql, batch.params);
  return row;
}
