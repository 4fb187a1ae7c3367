import { newId } from '../src/common/ids.js';
import { namedSql } from '../src/database/named-sql.js';
import type { Queryable } from '../src/database/queryable.js';
import { recordOutcomeSql } from '../src/database/delivery-store/index.js';
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

const RECORD_SUCCESS_SQL = recordOutcomeSql(RECORD_SUCCESS);
const RECORD_FAILURE_SQL = recordOutcomeSql(RECORD_FAILURE);

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
