import type { Queryable } from '../src/database/queryable.js';
import type { DeliveryStatus } from '../src/deliveries/delivery.entity.js';
import type { DeferredBy } from '../workflows/contracts.js';
import { heldByAnotherRun, inFlightUntil } from './delivery-context.js';

// Changes of a delivery row's status made without an attempt's outcome, each judged on the locked row.

/** `claimed`, or the row's status now (ended, or `sending` by another run of this attempt still in flight). */
export type Claim = { claimed: true } | { claimed: false; status: DeliveryStatus };

/**
 * Marks the delivery `sending` when the read could not (the circuit or the flow limits decided after it, or the
 * row was taken).
 */
export async function claimSending(db: Queryable, deliveryId: string, timeoutMs: number): Promise<Claim> {
  const [row]: { claimed: boolean; status: DeliveryStatus }[] = await db.query(
    `WITH claim AS (
       UPDATE deliveries SET status = 'sending', waiting_for = NULL, dispatched = true, updated_at = now(),
              in_flight_until = ${inFlightUntil('$2::float8')}
        WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')
          AND NOT ${heldByAnotherRun('deliveries', '$2::float8')}
       RETURNING id
     ) SELECT EXISTS (SELECT 1 FROM claim) AS claimed, (SELECT status FROM deliveries WHERE id = $1) AS status`,
    [deliveryId, timeoutMs],
  );
  return row?.claimed ? { claimed: true } : { claimed: false, status: row?.status ?? 'cancelled' };
}

/**
 * A delivery that may not be attempted now: `held` (paused or disabled), `cancelled` (subscription deleted) or
 * `retrying` until `nextAttemptAt` (its subscription's circuit is open). Whatever it waited for before is over
 * (a rate limit slot it held is given up).
 */
export async function recordNoAttempt(
  db: Queryable,
  deliveryId: string,
  status: 'held' | 'cancelled' | 'retrying',
  nextAttemptAt: Date | null = null,
): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $2::varchar, next_attempt_at = $3, waiting_for = NULL, dispatched = true, updated_at = now(),
            in_flight_until = NULL, completed_at = CASE WHEN $2::varchar = 'cancelled' THEN now() END
      WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
    [deliveryId, status, nextAttemptAt],
  );
}

/**
 * A delivery that waits without an attempt (see DeferredBy) until `until` at the latest: `scheduled` while none
 * was made yet, `retrying` after, with the reason in `waiting_for` for the API and the console. `waitsFor`: the
 * delivery of its FIFO line it waits for now (shown as its `predecessorId`).
 */
export async function recordWait(db: Queryable, deliveryId: string, reason: DeferredBy, until: Date, waitsFor?: string): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = CASE WHEN attempt_count = 0 THEN 'scheduled' ELSE 'retrying' END, waiting_for = $2,
            next_attempt_at = $3, dispatched = true, updated_at = now(), in_flight_until = NULL,
            predecessor_id = coalesce($4, predecessor_id)
      WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
    [deliveryId, reason, until, waitsFor ?? null],
  );
}
