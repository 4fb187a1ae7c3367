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
}

export interface RecordOutcome {
  /** The subscription went from active to disabled with this attempt, and why. */
  disabledReason: string | null;
}

// One statement, one round trip: the attempt row, the delivery's new state and the subscription's health
// (failing since when; disabled on 410 or after DISABLE_AFTER_HOURS of failures). A repeated activity (worker
// crash after the write) inserts no second attempt. On success the subscription row is written only when it
// was failing.
const RECORD_SQL = `
WITH attempt AS (
  INSERT INTO attempts (id, delivery_id, number, started_at, duration_ms, status_code, response_body, error_type, error_message)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (delivery_id, number) DO NOTHING
), delivery AS (
  UPDATE deliveries
     SET status = $10::varchar, attempt_count = GREATEST(attempt_count, $3), next_attempt_at = $11,
         last_status_code = $6, updated_at = now(),
         completed_at = CASE WHEN $10::varchar IN ('succeeded', 'failed') THEN now() END
   WHERE id = $2 AND status <> 'cancelled'
  RETURNING subscription_id
), verdict AS (
  SELECT s.id, s.status AS old_status,
         CASE
           WHEN s.status <> 'active' OR $13::boolean THEN NULL
           WHEN $12::text IS NOT NULL THEN $12::text
           WHEN s.failing_since < now() - make_interval(secs => $15::float8 * 3600)
             THEN 'every attempt failed since ' || to_char(s.failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         END AS disable_reason
    FROM subscriptions s
   WHERE $14::boolean AND s.id = (SELECT subscription_id FROM delivery)
), sub AS (
  UPDATE subscriptions s
     SET failing_since = CASE WHEN $13::boolean THEN NULL ELSE COALESCE(s.failing_since, now()) END,
         status = CASE WHEN v.disable_reason IS NOT NULL THEN 'disabled' ELSE s.status END,
         disabled_reason = COALESCE(v.disable_reason, s.disabled_reason),
         updated_at = CASE WHEN v.disable_reason IS NOT NULL THEN now() ELSE s.updated_at END
    FROM verdict v
   WHERE s.id = v.id AND (NOT $13::boolean OR s.failing_since IS NOT NULL)
)
SELECT disable_reason AS "disabledReason" FROM verdict`;

export async function recordAttempt(db: DataSource, r: AttemptRecord): Promise<RecordOutcome> {
  const { result } = r;
  const rows: { disabledReason: string | null }[] = await db.query(RECORD_SQL, [
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
  ]);
  return { disabledReason: rows[0]?.disabledReason ?? null };
}

/** A delivery that may not be attempted now: `held` (paused) or `cancelled` (subscription gone or disabled). */
export async function recordNoAttempt(db: DataSource, deliveryId: string, status: 'held' | 'cancelled'): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $2::varchar, dispatched = true, updated_at = now(),
            completed_at = CASE WHEN $2::varchar = 'cancelled' THEN now() END
      WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
    [deliveryId, status],
  );
}
