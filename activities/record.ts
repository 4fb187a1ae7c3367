import { newId } from '../src/common/ids.js';
import { namedSql } from '../src/database/named-sql.js';
import type { Queryable } from '../src/database/queryable.js';
import { RECORD_FAILURE, RECORD_SUCCESS } from './endpoint-health.js';
import type { DeliveryStatus } from '../src/deliveries/delivery.entity.js';
import { storableText, type PostResult } from './post.js';

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
  /** The receiver asked to slow down (429 or 503): the whole subscription pauses this long (see flow-limits.ts). */
  throttleSeconds: number | null;
}

export interface RecordOutcome {
  /** The delivery was cancelled while the attempt ran: the row keeps `cancelled`, the attempt is on record. */
  cancelled: boolean;
  /** The subscription went from active to disabled with this attempt, and why. */
  disabledReason: string | null;
  /** The circuit is open (by this failure or before it) for this long: no retry before then. */
  circuitWaitMs: number | null;
}

// One statement, one round trip: the attempt row, the delivery's new state and the endpoint's health (see
// endpoint-health.ts). A repeated activity (worker lost after the write) inserts no second attempt. A cancel
// committed while the attempt ran stands: the row stays `cancelled` and the outcome says so.
// Forgetting an event (DELETE /v1/events/:id) races the attempts in flight: the event row is share-locked first
// (the forget's update of it waits, or this waits for the forget and then reads it purged), and the answer of
// a forgotten event's receiver (body and headers, which may quote the payload) is never written.
const recordStatement = (health: string) => `
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

const RECORD_SUCCESS_SQL = recordStatement(RECORD_SUCCESS);
const RECORD_FAILURE_SQL = recordStatement(RECORD_FAILURE);

// Header values are text a receiver chose: jsonb cannot hold NUL either, kept as its escape like the body.
const json = (value: unknown) =>
  value === null ? null : JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));

export async function recordAttempt(db: Queryable, r: AttemptRecord): Promise<RecordOutcome> {
  const { result } = r;
  const [sql, params] = namedSql(r.succeeded ? RECORD_SUCCESS_SQL : RECORD_FAILURE_SQL, {
    attemptId: newId('att'),
    deliveryId: r.deliveryId,
    attemptNumber: r.attemptNumber,
    startedAt: r.startedAt,
    durationMs: result.durationMs,
    statusCode: result.statusCode,
    responseBody: result.responseBody,
    errorType: result.errorType,
    errorMessage: result.errorMessage,
    requestHeaders: json(result.requestHeaders),
    responseHeaders: json(result.responseHeaders),
    timings: json(result.timings),
    remoteAddress: result.remoteAddress,
    status: r.status,
    nextAttemptAt: r.nextAttemptAt,
    goneReason: r.goneReason,
    tracksHealth: r.tracksHealth,
    disableAfterHours: r.disableAfterHours,
    probe: r.probe,
    circuitThreshold: r.circuitThreshold,
    cooldownSeconds: r.cooldownSeconds,
    spread: r.spread,
    throttleSeconds: r.throttleSeconds,
  });
  const rows: RecordOutcome[] = await db.query(sql, params);
  return {
    cancelled: rows[0]?.cancelled ?? false,
    disabledReason: rows[0]?.disabledReason ?? null,
    circuitWaitMs: rows[0]?.circuitWaitMs ?? null,
  };
}
