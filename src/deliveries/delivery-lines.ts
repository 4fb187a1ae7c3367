import type { Queryable } from '../database/queryable.js';

/**
 * A delivery of a FIFO line ended: returns the delivery that waits for it (to be woken), and closes the line
 * when it was the last one (a later event starts the line afresh, with nothing to wait for). Whoever ends a
 * delivery calls this after the end is committed: the attempt activity, a cancel.
 */
export async function nextInLine(db: Queryable, deliveryId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `WITH ended AS (
       DELETE FROM delivery_lines l USING deliveries d
        WHERE d.id = $1 AND l.subscription_id = d.subscription_id AND l.ordering_key = d.ordering_key AND l.tail_id = d.id
     )
     SELECT id FROM deliveries WHERE predecessor_id = $1 ORDER BY id`,
    [deliveryId],
  );
  return rows.map((r) => r.id);
}
