import type { DataSource } from 'typeorm';
import { newId } from '../src/common/ids.js';
import type { DeliveryStatus } from '../src/deliveries/delivery.entity.js';
import type { PostResult } from './post.activity.js';

export interface AttemptRecord {
  deliveryId: string;
  attemptNumber: number;
  startedAt: Date;
  result: PostResult;
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  succeeded: boolean;
  /** Set when this outcome disables the subscription by itself (410 Gone). */
  goneReason: string | null;
  /** Whether this attempt counts for the subscription's health (test sends do not). */
  tracksHealth: boolean;
  disableAfterHours: number;
  /** This attempt was the circuit breaker's probe. */
  probe: boolean;
  /** Failed attempts in a row that open the circuit (0: never). */
  circuitThreshold: number;
  /** How long the circuit opens for if this failure opens it; also the longest a retry waits for an open circuit. */
  cooldownSeconds: number;
  /** Retries held back by the circuit wake this share of the wait later (see deferralSpread). */
  spread: number;
}

export interface RecordOutcome {
  /** The subscription went from active to disabled with this attempt, and why. */
  disabledReason: string | null;
  /** The circuit is open (by this failure or before it) for this long: no retry before then. */
  circuitWaitMs: number | null;
}

// One statement, one round trip: the attempt row, the delivery's new state and the subscription's health
// (failing since when; disabled on 410 or after DISABLE_AFTER_HOURS of failures; the circuit breaker). A
// repeated activity (worker crash after the write) inserts no second attempt. On success the subscription row is
// written only when it was failing. The circuit opens on the failure that makes `threshold` in a row while it is
// closed, or when a probe fails; a retry is never scheduled before the circuit's reopening.
const RECORD_SQL = `
WITH attempt AS (
  INSERT INTO attempts (id, delivery_id, number, started_at, duration_ms, status_code, response_body, error_type, error_message)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (delivery_id, number) DO NOTHING
), verdict AS (
  SELECT s.id,
         CASE
           WHEN s.status <> 'active' OR $13::boolean THEN NULL
           WHEN $12::text IS NOT NULL THEN $12::text
           WHEN s.failing_since < now() - make_interval(secs => $15::float8 * 3600)
             THEN 'every attempt failed since ' || to_char(s.failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         END AS disable_reason
    FROM subscriptions s
   WHERE $14::boolean AND s.id = (SELECT subscription_id FROM deliveries WHERE id = $2)
), sub AS (
  -- The circuit is decided on the locked row (not the statement's snapshot), so concurrent failures count
  -- exactly and only one of them opens it. "Opens" appears twice: for the time and for the trip count.
  UPDATE subscriptions s
     SET failing_since = CASE WHEN $13::boolean THEN NULL ELSE COALESCE(s.failing_since, now()) END,
         consecutive_failures = CASE WHEN $13::boolean THEN 0 ELSE s.consecutive_failures + 1 END,
         circuit_open_until = CASE
           WHEN $13::boolean THEN NULL
           WHEN $17::int > 0 AND ($16::boolean OR (s.circuit_open_until IS NULL AND s.consecutive_failures + 1 >= $17::int))
             THEN now() + make_interval(secs => $18::float8)
           ELSE s.circuit_open_until END,
         circuit_trips = CASE
           WHEN $13::boolean THEN 0
           WHEN $17::int > 0 AND ($16::boolean OR (s.circuit_open_until IS NULL AND s.consecutive_failures + 1 >= $17::int))
             THEN s.circuit_trips + 1
           ELSE s.circuit_trips END,
         status = CASE WHEN v.disable_reason IS NOT NULL THEN 'disabled' ELSE s.status END,
         disabled_reason = COALESCE(v.disable_reason, s.disabled_reason),
         updated_at = CASE WHEN v.disable_reason IS NOT NULL THEN now() ELSE s.updated_at END
    FROM verdict v
   WHERE s.id = v.id
     AND (NOT $13::boolean OR s.failing_since IS NOT NULL OR s.consecutive_failures > 0 OR s.circuit_open_until IS NOT NULL)
  RETURNING CASE WHEN NOT $13::boolean AND s.circuit_open_until > now()
                 THEN LEAST(s.circuit_open_until, now() + make_interval(secs => $18::float8)) END AS reopening
), circuit AS (
  SELECT reopening + (reopening - now()) * $19::float8 AS until FROM sub
), delivery AS (
  UPDATE deliveries
     SET status = $10::varchar, attempt_count = GREATEST(attempt_count, $3), last_status_code = $6, updated_at = now(),
         next_attempt_at = CASE WHEN $11::timestamptz IS NOT NULL THEN GREATEST($11::timestamptz, (SELECT until FROM circuit)) END,
         completed_at = CASE WHEN $10::varchar IN ('succeeded', 'failed') THEN now() END
   WHERE id = $2 AND status <> 'cancelled'
)
SELECT (SELECT disable_reason FROM verdict) AS "disabledReason",
       (SELECT GREATEST(0, EXTRACT(EPOCH FROM (until - now())) * 1000)::float8 FROM circuit WHERE until IS NOT NULL) AS "circuitWaitMs"`;

export async function recordAttempt(db: DataSource, r: AttemptRecord): Promise<RecordOutcome> {
  const { result } = r;
  const rows: RecordOutcome[] = await db.query(RECORD_SQL, [
    newId('att'),
    r.deliveryId,
    r.attemptNumber,
    r.startedAt,
    result.durationMs,
    result.statusCode,
    result.responseBody,
    result.errorType,
    result.errorMessage,
    r.status,
    r.nextAttemptAt,
    r.goneReason,
    r.succeeded,
    r.tracksHealth,
    r.disableAfterHours,
    r.probe,
    r.circuitThreshold,
    r.cooldownSeconds,
    r.spread,
  ]);
  return { disabledReason: rows[0]?.disabledReason ?? null, circuitWaitMs: rows[0]?.circuitWaitMs ?? null };
}

/**
 * A delivery that may not be attempted now: `held` (paused), `cancelled` (subscription gone or disabled) or
 * `retrying` until `nextAttemptAt` (its subscription's circuit is open).
 */
export async function recordNoAttempt(
  db: DataSource,
  deliveryId: string,
  status: 'held' | 'cancelled' | 'retrying',
  nextAttemptAt: Date | null = null,
): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $2::varchar, next_attempt_at = $3, dispatched = true, updated_at = now(),
            completed_at = CASE WHEN $2::varchar = 'cancelled' THEN now() END
      WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
    [deliveryId, status, nextAttemptAt],
  );
}
