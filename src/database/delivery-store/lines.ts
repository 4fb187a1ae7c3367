import type { Queryable } from '../queryable.js';
import { unended } from './states.js';

// The rules of a FIFO line, in one place. Every ordered delivery has its place in its line (`line_position`,
// given under the line row's lock when it is written). A delivery *holds* its line while it has not ended, and
// also after a cancel while an attempt of it is still in flight (its POST may yet reach the receiver). A delivery
// goes only when no earlier place of its line holds it: whatever ends in the middle (a cancel, a forget, a purge),
// the ones behind still wait for every earlier one.
//
// A `block` line (the subscription's fifoOnFailure) stops at a head that exhausts its retries: the head ends
// `failed` and keeps holding its line as an attempt in flight would, with no end (`in_flight_until` infinity,
// so the holders' index and every rule here see it unchanged), until a person redelivers it (the redelivery
// takes its place) or skips it (it ends `cancelled`, reason `skipped`), or the subscription stops blocking
// (fifoOnFailure `skip`, or ordering off: the head keeps `failed` and its line goes on, see unblockLines).

/** SQL: `in_flight_until` of a failed head that blocks its line. */
export const LINE_BLOCKED = `'infinity'::timestamptz`;

/** SQL: the delivery row `row` is a failed head that blocks its line. */
export const blocksLine = (row: string) => `(${row}.status = 'failed' AND ${row}.in_flight_until = ${LINE_BLOCKED})`;

/**
 * SQL: the delivery row `row` holds its FIFO line (the partial index idx_deliveries_line_holders has these rows);
 * never null, so that `NOT` of it holds for a delivery that ended with no attempt in flight.
 */
export const holdsLine = (row: string) => `(${unended(row)} OR (${row}.in_flight_until IS NOT NULL AND ${row}.in_flight_until > now()))`;

/**
 * SQL for the read of delivery `d`: `p`, the nearest earlier delivery of its line that holds it (what it waits
 * for; none: it may go), and `h`, the line's head (when it tries next is when the line can move at the earliest;
 * `h.blocked`: it failed and blocks its line).
 */
export const LINE_JOINS = `
  LEFT JOIN LATERAL (
    SELECT q.id FROM deliveries q
     WHERE d.ordering_key IS NOT NULL AND q.subscription_id = d.subscription_id AND q.ordering_key = d.ordering_key
       AND q.line_position < d.line_position AND ${holdsLine('q')}
     ORDER BY q.line_position DESC LIMIT 1
  ) p ON true
  LEFT JOIN LATERAL (
    SELECT q.next_attempt_at, ${blocksLine('q')} AS blocked FROM deliveries q
     WHERE p.id IS NOT NULL AND q.subscription_id = d.subscription_id AND q.ordering_key = d.ordering_key
       AND q.line_position < d.line_position AND ${holdsLine('q')}
     ORDER BY q.line_position LIMIT 1
  ) h ON true`;

// After a delivery stops holding its line (committed): the line's head, if it is behind this one (the line moves
// on; a delivery that ended in the middle wakes nobody), and the line closes when nothing in it holds any more,
// so a later event starts it afresh. A concurrent append changes the tail: the delete then finds another tail
// on the row it waited for, and leaves the line open.
const RELEASE_SQL = `
WITH me AS (
  SELECT d.subscription_id, d.ordering_key, d.line_position FROM deliveries d
   WHERE d.id = $1 AND d.ordering_key IS NOT NULL AND NOT ${holdsLine('d')}
), head AS (
  SELECT q.id, q.line_position FROM deliveries q JOIN me ON q.subscription_id = me.subscription_id AND q.ordering_key = me.ordering_key
   WHERE q.line_position IS NOT NULL AND ${holdsLine('q')}
   ORDER BY q.line_position LIMIT 1
), line AS (
  SELECT l.subscription_id, l.ordering_key, l.tail_id FROM delivery_lines l
    JOIN me ON l.subscription_id = me.subscription_id AND l.ordering_key = me.ordering_key
), closed AS (
  DELETE FROM delivery_lines l USING line
   WHERE l.subscription_id = line.subscription_id AND l.ordering_key = line.ordering_key AND l.tail_id = line.tail_id
     AND NOT EXISTS (SELECT 1 FROM head)
)
SELECT head.id FROM head, me WHERE me.line_position IS NULL OR head.line_position > me.line_position`;

/**
 * A delivery of a FIFO line ended, or the attempt in flight when it was cancelled came back: returns the
 * delivery to wake (the line's new head), if any, and closes the line when nothing in it is left. Nothing while
 * the delivery still holds its line (an attempt of it in flight): that attempt's end calls this again. Whoever
 * ends a delivery calls this after the end is committed: the attempt activity, a cancel, a forget.
 */
export async function releaseLine(db: Queryable, deliveryId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(RELEASE_SQL, [deliveryId]);
  return rows.map((r) => r.id);
}

/**
 * A delivery of a `block` line (its subscription's fifoOnFailure) just ended failed: it keeps holding its line
 * (see above), and the deliveries behind it say `blocked-line` at once rather than at their next look. Run in
 * the transaction that records the failure, so the line is never seen free in between. Answers whether it blocks.
 */
export async function blockLineOnFailure(db: Queryable, deliveryId: string): Promise<boolean> {
  // The subscription's row is locked (shared) while its setting is read: a PATCH to `skip` either waits for this
  // commit (and then finds the marker to clear, see unblockLines) or commits first (and this blocks nothing).
  const rows: { id: string }[] = await db.query(
    `WITH sub AS (
       SELECT s.id FROM subscriptions s
        WHERE s.id = (SELECT subscription_id FROM deliveries WHERE id = $1) AND s.fifo_on_failure = 'block'
        FOR SHARE
     ), head AS (
       UPDATE deliveries d SET in_flight_until = ${LINE_BLOCKED}
        WHERE d.id = $1 AND d.status = 'failed' AND d.line_position IS NOT NULL AND d.subscription_id IN (SELECT id FROM sub)
       RETURNING d.id, d.subscription_id, d.ordering_key, d.line_position
     ), behind AS (
       UPDATE deliveries f SET waiting_for = 'blocked-line'
         FROM head
        WHERE f.subscription_id = head.subscription_id AND f.ordering_key = head.ordering_key
          AND f.line_position > head.line_position AND ${unended('f')} AND f.waiting_for = 'predecessor'
     ) SELECT id FROM head`,
    [deliveryId],
  );
  return rows.length > 0;
}

/**
 * The subscription no longer blocks its lines on failure (fifoOnFailure went `skip`, or ordering went off, which
 * needs `skip`): each failed head that blocks a line stops blocking, as if `skip` had been the setting when it
 * failed. It keeps its end (`failed`); the deliveries behind wait for their predecessor again, not for a person.
 * Read after the setting is committed (see blockLineOnFailure for the race with a failure being recorded).
 * Returns the lines' new heads to wake.
 */
export async function unblockLines(db: Queryable, subscriptionId: string): Promise<string[]> {
  const heads: { id: string }[] = await db.query(
    `WITH unblocked AS (
       UPDATE deliveries d SET in_flight_until = NULL, updated_at = now()
        WHERE d.subscription_id = $1 AND ${blocksLine('d')}
          AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = $1 AND s.fifo_on_failure <> 'block')
       RETURNING d.id, d.subscription_id, d.ordering_key, d.line_position
     ), behind AS (
       UPDATE deliveries f SET waiting_for = 'predecessor'
         FROM unblocked u
        WHERE f.subscription_id = u.subscription_id AND f.ordering_key = u.ordering_key AND f.line_position > u.line_position
          AND f.waiting_for = 'blocked-line' AND ${unended('f')}
     ) SELECT id FROM unblocked`,
    [subscriptionId],
  );
  const wake: string[] = [];
  // After the commit, each on its own: the line's new head is judged on what is committed (see releaseLine).
  for (const head of heads) wake.push(...(await releaseLine(db, head.id)));
  return wake;
}
