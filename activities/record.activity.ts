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
  /** Set when this outcome disables the subscription (410 Gone). */
  disableReason: string | null;
}

// One statement: the attempt row, the delivery's new state and, on 410, the subscription's. A repeated
// activity (worker crash after the write) inserts nothing twice.
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
)
UPDATE subscriptions SET status = 'disabled', disabled_reason = $12::text, updated_at = now()
 WHERE $12::text IS NOT NULL AND id = (SELECT subscription_id FROM delivery)`;

export async function recordAttempt(db: DataSource, r: AttemptRecord): Promise<void> {
  const { result } = r;
  await db.query(RECORD_SQL, [
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
    r.disableReason,
  ]);
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
