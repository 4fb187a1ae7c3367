import type { DataSource, EntityManager } from 'typeorm';
import { blocksLine, releaseLine } from './lines.js';
import { unended } from './states.js';

/** Which deliveries a cancel ends: one, a subscription's (deleted), or an event's (forgotten). */
export type CancelScope = { deliveryId: string } | { subscriptionId: string } | { eventId: string };

/** What a cancel ended, and whom to wake: the next of each FIFO line a cancelled delivery held up. */
export interface Cancelled {
  /** Signal these `cancel`: a running backoff is cut short. */
  cancelled: string[];
  /** Signal these `wake`: their line moved on. */
  wake: string[];
}

const WHERE: Record<'deliveryId' | 'subscriptionId' | 'eventId', string> = {
  deliveryId: 'id = $1',
  subscriptionId: 'subscription_id = $1',
  eventId: 'event_id = $1',
};

/**
 * Cancels the unfinished deliveries of `scope`: the rows say cancelled at once, then each FIFO line they held
 * goes on (a cancelled delivery in the middle holds nothing up; one with an attempt in flight holds its line
 * until that attempt's end hands it on). A deleted subscription's lines end with it: nothing of it is left to
 * wait for. `first` runs in the same transaction before the cancel (a forget's purge of the event); when it
 * answers false, nothing is cancelled and the answer is null.
 */
export async function cancelDeliveries(
  db: DataSource,
  scope: CancelScope,
  first?: (tx: EntityManager) => Promise<boolean>,
): Promise<Cancelled | null> {
  const [key, value] = Object.entries(scope)[0] as [keyof typeof WHERE, string];
  // A bare UPDATE answers [rows, count] through TypeORM: the rows are read by a SELECT of the CTE.
  const ended = await db.transaction(async (tx) => {
    if (first && !(await first(tx))) return null;
    const rows: { id: string; ordering_key: string | null }[] = await tx.query(
      `WITH c AS (
         UPDATE deliveries SET status = 'cancelled', completed_at = now(), updated_at = now()
          WHERE ${WHERE[key]} AND ${unended()} RETURNING id, ordering_key
       ) SELECT id, ordering_key FROM c`,
      [value],
    );
    if (key === 'subscriptionId') {
      await tx.query(`DELETE FROM delivery_lines WHERE subscription_id = $1`, [value]);
      // Failed heads that blocked its lines (see lines.ts) block nothing any more: the lines are gone.
      await tx.query(`UPDATE deliveries d SET in_flight_until = NULL WHERE d.subscription_id = $1 AND ${blocksLine('d')}`, [value]);
    }
    return rows;
  });
  if (ended === null) return null;
  // After the commit: the line's head is judged on what is committed (see releaseLine).
  const wake: string[] = [];
  if (key !== 'subscriptionId') for (const d of ended.filter((r) => r.ordering_key !== null)) wake.push(...(await releaseLine(db, d.id)));
  return { cancelled: ended.map((r) => r.id), wake };
}
