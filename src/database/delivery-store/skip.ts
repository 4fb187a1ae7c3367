import type { DataSource } from 'typeorm';
import { blocksLine, holdsLine, releaseLine } from './lines.js';
import { unended } from './states.js';

/** What a skip of a FIFO line's head did. */
export type Skipped =
  | { found: false }
  /** The head's attempt is out (its POST may yet reach the receiver): nothing changed, try again after it. */
  | { found: true; inFlight: true; headId: string }
  | {
      found: true;
      inFlight: false;
      headId: string;
      /** Signal these `cancel` (the head was still under way: a running backoff is cut short). */
      cancelled: string[];
      /** Signal these `wake`: the line's new head. */
      wake: string[];
    };

/**
 * A person skips the head of a FIFO line (the first delivery that holds it, see lines.ts): the head ends
 * `cancelled` with reason `skipped`, whether it was still under way or had failed and blocked its line, and the
 * next goes. The head is locked while it is judged: an attempt in flight (marked `sending`, or cancelled with its
 * POST still out) refuses the skip, since the receiver may yet get it and the next must not overtake it.
 */
export async function skipLineHead(db: DataSource, subscriptionId: string, orderingKey: string): Promise<Skipped> {
  const judged = await db.transaction(async (tx) => {
    const [head]: { id: string; inFlight: boolean; underWay: boolean }[] = await tx.query(
      `SELECT q.id, (q.status = 'sending' OR (q.in_flight_until > now() AND NOT ${blocksLine('q')})) AS "inFlight",
              ${unended('q')} AS "underWay"
         FROM deliveries q
        WHERE q.subscription_id = $1 AND q.ordering_key = $2 AND q.line_position IS NOT NULL AND ${holdsLine('q')}
        ORDER BY q.line_position LIMIT 1
        FOR UPDATE`,
      [subscriptionId, orderingKey],
    );
    if (!head) return null;
    if (head.inFlight) return { ...head, skipped: false };
    await tx.query(
      `UPDATE deliveries SET status = 'cancelled', cancel_reason = 'skipped', completed_at = now(), updated_at = now(),
              in_flight_until = NULL, waiting_for = NULL, next_attempt_at = NULL
        WHERE id = $1`,
      [head.id],
    );
    return { ...head, skipped: true };
  });
  if (judged === null) return { found: false };
  if (!judged.skipped) return { found: true, inFlight: true, headId: judged.id };
  // After the commit: the line's new head is judged on what is committed (see releaseLine).
  const wake = await releaseLine(db, judged.id);
  return { found: true, inFlight: false, headId: judged.id, cancelled: judged.underWay ? [judged.id] : [], wake };
}
