import type { Queryable } from '../queryable.js';

/** Marks deliveries whose workflow is known to exist, so the sweeper leaves them alone. */
export async function markDispatched(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length) await db.query(`UPDATE deliveries SET dispatched = true WHERE id = ANY($1)`, [ids]);
}

/**
 * A subscription's limit changed: its deliveries waiting for one of `reasons` ('rate', 'concurrency') look again
 * now; a reserved rate slot is given up. Run under the subscription's flow lock; answers them, oldest first, to wake.
 */
export async function releaseLimitWaiters(db: Queryable, subscriptionId: string, reasons: string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `WITH released AS (
       UPDATE deliveries SET waiting_for = CASE WHEN waiting_for = 'rate' THEN NULL ELSE waiting_for END
        WHERE subscription_id = $1 AND waiting_for = ANY($2) AND status IN ('scheduled', 'retrying') RETURNING id
     ) SELECT id FROM released ORDER BY id`,
    [subscriptionId, reasons],
  );
  return rows.map((r) => r.id);
}
