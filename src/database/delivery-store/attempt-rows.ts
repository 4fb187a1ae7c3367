import type { Queryable } from '../queryable.js';
import type { DeliveryStatus } from '../../deliveries/delivery.entity.js';
import type { DeferredBy } from '../../../workflows/contracts.js';
import { heldByAnotherRun, inFlightUntil } from './lease.js';
import { unended } from './states.js';

// The attempt's transitions of a delivery row, each judged on the locked row: mark it `sending` (at the read,
// or by a claim after it), let it wait (no attempt now), record an attempt's outcome, wake the next waiting.

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
        WHERE id = $1 AND ${unended()}
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
      WHERE id = $1 AND ${unended()}`,
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
      WHERE id = $1 AND ${unended()}`,
    [deliveryId, reason, until, waitsFor ?? null],
  );
}

/**
 * SQL: the CTE `mark` of the attempt's read (activities/delivery-context.ts, whose CTE `ctx` it reads; `$2` the
 * attempt number): marks the delivery `sending` when an attempt will be made now. Judged on the locked row, not
 * the read's snapshot: a cancel committed meanwhile stands; another run of this attempt still within its time
 * keeps the row; an attempt recorded already, a purged event's delivery, one whose FIFO line is held before it,
 * or one whose subscription's circuit or flow limits must decide first are not marked.
 */
export const MARK_SENDING = `mark AS (
UPDATE deliveries d SET status = 'sending', waiting_for = NULL, dispatched = true, updated_at = now(),
       in_flight_until = ${inFlightUntil('ctx."timeoutMs"')}
  FROM ctx
 WHERE d.id = ctx."deliveryId"
   AND ${unended('d')} AND d.attempt_count < $2
   AND NOT ${heldByAnotherRun('d', 'ctx."timeoutMs"')} AND ctx."predecessorEnded" AND NOT ctx."eventPurged"
   AND (ctx.kind = 'test' OR (ctx."subscriptionStatus" = 'active' AND NOT ctx."subscriptionDeleted" AND ctx."circuitOpenUntil" IS NULL
                              AND ctx."ratePerSecond" IS NULL AND ctx."maxConcurrency" IS NULL AND ctx."throttleWaitMs" IS NULL))
RETURNING d.id
)`;

/**
 * SQL: the CTE `waits` of a rate slot's take (activities/flow-control.ts, whose CTE `taken` it reads): the
 * delivery that got no room waits for its slot (as recordWait), in the same statement as the take.
 */
export const WAIT_FOR_RATE_SLOT = `waits AS (
  UPDATE deliveries d
     SET status = CASE WHEN d.attempt_count = 0 THEN 'scheduled' ELSE 'retrying' END, waiting_for = 'rate',
         next_attempt_at = taken.slot_at, dispatched = true, updated_at = now()
    FROM taken
   WHERE d.id = :deliveryId AND NOT taken.taken AND ${unended('d')}
)`;

/**
 * An attempt of a subscription with maxConcurrency ended: the oldest delivery waiting for a place is due now
 * (two attempts ending together wake two deliveries, not the same one twice). Run under the subscription's flow
 * lock; answers the delivery to wake, if any.
 */
export async function wakeNextWaitingForPlace(db: Queryable, subscriptionId: string): Promise<{ id: string }[]> {
  return db.query(
    `WITH next AS (
       SELECT id FROM deliveries
        WHERE subscription_id = $1 AND waiting_for = 'concurrency' AND status IN ('scheduled', 'retrying') AND next_attempt_at > now()
        ORDER BY id LIMIT 1
     ), woken AS (UPDATE deliveries d SET next_attempt_at = now() FROM next WHERE d.id = next.id RETURNING d.id)
     SELECT id FROM woken`,
    [subscriptionId],
  );
}

// One statement, one round trip: the attempt row, the delivery's new state and the endpoint's health (see
// activities/endpoint-health.ts). A repeated activity (worker lost after the write) inserts no second attempt. A cancel
// committed while the attempt ran stands: the row stays `cancelled` and the outcome says so.
// Forgetting an event (DELETE /v1/events/:id) races the attempts in flight: the event row is share-locked first
// (the forget's update of it waits, or this waits for the forget and then reads it purged), and the answer of
// a forgotten event's receiver (body and headers, which may quote the payload) is never written.
/** SQL, named parameters: an attempt's outcome, `health` the subscription's health CTE (`until`, `disabledReason`). */
export const recordOutcomeSql = (health: string) => `
WITH event AS MATERIALIZED (
  SELECT e.purged_at IS NOT NULL AS forgotten
    FROM deliveries d JOIN events e ON e.id = d.event_id
   WHERE d.id = :deliveryId
     FOR SHARE OF e
), kept AS (
  SELECT NOT coalesce((SELECT forgotten FROM event), false) AS answer
), attempt AS (
  INSERT INTO attempts (id, delivery_id, number, started_at, duration_ms, status_code, response_body, error_type, error_message,
                        request_headers, response_headers, timings, remote_address)
  SELECT :attemptId, :deliveryId, :attemptNumber, :startedAt, :durationMs, :statusCode,
         CASE WHEN kept.answer THEN :responseBody END, :errorType, :errorMessage,
         :requestHeaders::jsonb, CASE WHEN kept.answer THEN :responseHeaders::jsonb END, :timings::jsonb, :remoteAddress
    FROM kept
  ON CONFLICT (delivery_id, number) DO NOTHING
), ${health}, delivery AS (
  UPDATE deliveries
     SET status = :status::varchar, attempt_count = GREATEST(attempt_count, :attemptNumber), last_status_code = :statusCode,
         updated_at = now(), in_flight_until = NULL,
         -- A retry never goes before the circuit's reopening.
         next_attempt_at = CASE WHEN :nextAttemptAt::timestamptz IS NOT NULL THEN GREATEST(:nextAttemptAt::timestamptz, (SELECT until FROM health)) END,
         completed_at = CASE WHEN :status::varchar IN ('succeeded', 'failed') THEN now() END
   -- The event's lock comes before the delivery's (the forget takes them in that order too); the final SELECT
   -- reads kept first for the same reason.
   WHERE id = :deliveryId AND status <> 'cancelled' AND (SELECT answer FROM kept) IS NOT NULL
  RETURNING id
), released AS (
  -- Cancelled while this attempt was out: its line waited for it, and may go on now (the attempt's end wakes it).
  UPDATE deliveries SET in_flight_until = NULL WHERE id = :deliveryId AND status = 'cancelled' AND in_flight_until IS NOT NULL
)
SELECT (SELECT answer FROM kept) AS kept,
       NOT EXISTS (SELECT 1 FROM delivery) AS cancelled,
       (SELECT "disabledReason" FROM health) AS "disabledReason",
       (SELECT GREATEST(0, EXTRACT(EPOCH FROM (until - now())) * 1000)::float8 FROM health WHERE until IS NOT NULL) AS "circuitWaitMs"`;
