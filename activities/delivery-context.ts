import type { DataSource } from 'typeorm';
import type { Queryable } from '../src/database/queryable.js';
import type { SecretBox } from '../src/secrets/secret-box.js';
import type { AttemptInput } from '../workflows/contracts.js';
import { LINE_JOINS, MARK_SENDING } from '../src/database/delivery-store/index.js';
import { openSecrets, secretHeaderNames } from '../src/secrets/subscription-secrets.js';
import { eventDataText, type StoredEventData } from '../src/policy/event-data-text.js';
import type { DeliveryKind, DeliveryStatus } from '../src/deliveries/delivery.entity.js';
import type { StoredClientTls } from '../src/policy/client-certificate.js';
import type { SubscriptionAuth, SubscriptionStatus } from '../src/subscriptions/subscription.entity.js';
import type { PayloadFormat } from '../src/policy/payload.js';
import type { SignatureScheme } from '../src/policy/signing.js';

/** Everything one attempt needs, read in one round trip by delivery id. */
export interface DeliveryContext {
  deliveryId: string;
  tenantId: string;
  deliveryStatus: DeliveryStatus;
  kind: DeliveryKind;
  eventId: string;
  eventType: string;
  /** The event's data as the exact JSON text received (see src/events/event-data-text.ts). */
  eventDataText: string;
  /** The event was purged or forgotten (its data is gone): nothing is sent, the delivery ends cancelled. */
  eventPurged: boolean;
  occurredAt: Date;
  /** When the delivery was written (ingest, or a redelivery): the start of its first attempt's latency. */
  deliveryCreatedAt: Date;
  account: string;
  subscriptionId: string;
  subscriptionStatus: SubscriptionStatus;
  subscriptionDeleted: boolean;
  url: string;
  headers: Record<string, string>;
  /** Of `headers`, those that are credentials (sealed at rest, or named like one): masked in the capture. */
  secretHeaderNames?: string[];
  auth: SubscriptionAuth | null;
  signatureScheme: SignatureScheme;
  signatureHeader: string | null;
  signatureTimestamped: boolean;
  payloadFormat: PayloadFormat;
  retrySchedule: number[];
  timeoutMs: number;
  /** The circuit breaker's state (see src/policy/circuit-breaker.ts). */
  circuitOpenUntil: Date | null;
  circuitTrips: number;
  /** The flow limits (see src/policy/flow-limits.ts); null: none. */
  ratePerSecond: number | null;
  rateBurst: number | null;
  maxConcurrency: number | null;
  /** The subscription is throttled (a 429 or 503) for this much longer, by Postgres's clock; null: it is not. */
  throttleWaitMs: number | null;
  throttleStrikes: number;
  /** The delivery holds a rate limit slot (it waited for one): it may go at the slot, this far ahead; null: none. */
  rateSlotWaitMs: number | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  /** The delivery's FIFO line (null: unordered) and the nearest earlier delivery that still holds it. */
  orderingKey: string | null;
  predecessorId: string | null;
  /** No earlier delivery of its line holds it (see src/database/delivery-store/lines.ts): this delivery may go. */
  predecessorEnded: boolean;
  /** When the line's head tries next (the line cannot move before, unless a cancel ends the head, which wakes the next). */
  predecessorNextAttemptAt: Date | null;
  /** The line's head failed and blocks it (fifoOnFailure `block`) until a person redelivers or skips it. */
  lineBlocked: boolean;
  /** Attempts already recorded (a re-run of an attempt that was recorded finds its own number here). */
  attemptCount: number;
  /** The row was marked `sending` by this read (see the SQL). */
  marked: boolean;
  /** Send W3C `traceparent`/`tracestate` to the receiver (the subscription's `traceContext`). */
  traceContext: boolean;
  /** Mutual TLS: the client certificate to present, its key opened; null: none. */
  clientTls: StoredClientTls | null;
  /** The subscription's transform (JSONata), null: none. */
  transform: string | null;
  /** The body the transform made for this attempt (activities/transformed-body.ts): sent instead of the payload. */
  transformedBody?: string;
}

// Reads the context and, when an attempt will be made, marks the delivery `sending`: one round trip. With the
// circuit open or half-open the mark waits for the circuit decision (see endpoint-health.ts), and with a flow
// limit or a throttle for the flow decision (see flow-control.ts). The mark is judged
// on the locked row, not the statement's snapshot: a cancel committed meanwhile stands; another run of this
// attempt still within its time (a re-run while the first is in flight) keeps the row; an attempt recorded
// already is not marked again; a purged event's delivery is not marked (its data and purged_at are read together); a delivery with an earlier one of its FIFO line still holding the line is not marked. `marked` says whether this read marked it.
const SQL = `
WITH ctx AS (
SELECT d.id AS "deliveryId", d.tenant_id AS "tenantId", d.status AS "deliveryStatus", d.kind, d.event_id AS "eventId",
       d.attempt_count AS "attemptCount", d.created_at AS "deliveryCreatedAt", d.next_attempt_at AS "nextAttemptAt", d.last_status_code AS "lastStatusCode",
       d.ordering_key AS "orderingKey", p.id AS "predecessorId", (p.id IS NULL) AS "predecessorEnded",
       h.next_attempt_at AS "predecessorNextAttemptAt", coalesce(h.blocked, false) AS "lineBlocked",
       e.type AS "eventType", e.data_text AS "dataText", e.data AS "legacyData", (e.purged_at IS NOT NULL) AS "eventPurged", e.occurred_at AS "occurredAt", t.name AS account,
       s.id AS "subscriptionId", s.status AS "subscriptionStatus", (s.deleted_at IS NOT NULL) AS "subscriptionDeleted",
       s.url, s.headers, s.auth, s.signature_scheme AS "signatureScheme", s.signature_header AS "signatureHeader",
       s.signature_timestamped AS "signatureTimestamped", s.payload_format AS "payloadFormat", s.trace_context AS "traceContext",
       s.client_tls AS "clientTls", s.transform,
       s.retry_schedule AS "retrySchedule", s.timeout_ms AS "timeoutMs",
       s.circuit_open_until AS "circuitOpenUntil", s.circuit_trips AS "circuitTrips",
       s.rate_per_second AS "ratePerSecond", s.rate_burst AS "rateBurst", s.max_concurrency AS "maxConcurrency",
       CASE WHEN s.throttled_until > now() THEN EXTRACT(EPOCH FROM s.throttled_until - now())::float8 * 1000 END AS "throttleWaitMs",
       s.throttle_strikes AS "throttleStrikes",
       CASE WHEN d.waiting_for = 'rate' THEN GREATEST(0, EXTRACT(EPOCH FROM d.next_attempt_at - now())::float8 * 1000) END AS "rateSlotWaitMs",
       s.secret, s.previous_secret AS "previousSecret", s.previous_secret_expires_at AS "previousSecretExpiresAt"
  FROM deliveries d
  JOIN events e ON e.id = d.event_id
  JOIN subscriptions s ON s.id = d.subscription_id
  JOIN tenants t ON t.id = d.tenant_id
  ${LINE_JOINS}
 WHERE d.id = $1
), ${MARK_SENDING}
SELECT ctx.*, EXISTS (SELECT 1 FROM mark) AS marked FROM ctx`;

/** The context with its credentials opened: they exist in clear only in this activity's memory. */
export async function loadDeliveryContext(db: DataSource, box: SecretBox, input: AttemptInput): Promise<DeliveryContext | null> {
  const rows: (Omit<DeliveryContext, 'eventDataText'> & StoredEventData)[] = await db.query(SQL, [input.deliveryId, input.attemptNumber]);
  if (!rows[0]) return null;
  const { dataText, legacyData, ...row } = rows[0];
  return {
    ...openSecrets(box, { ...row, eventDataText: eventDataText({ dataText, legacyData }) }),
    secretHeaderNames: secretHeaderNames(row.headers ?? {}),
  };
}

/** What a delivery's operational events say about it. */
export type DeliveryFacts = Pick<DeliveryContext, 'tenantId' | 'deliveryId' | 'eventId' | 'eventType' | 'subscriptionId' | 'kind'>;

/** Who a delivery is for and what it carries, read without its secrets (an attempt that failed inside the service). */
export async function loadDeliveryFacts(db: Queryable, deliveryId: string): Promise<DeliveryFacts | null> {
  const [row] = (await db.query(
    `SELECT id AS "deliveryId", tenant_id AS "tenantId", event_id AS "eventId", event_type AS "eventType",
            subscription_id AS "subscriptionId", kind
       FROM deliveries WHERE id = $1`,
    [deliveryId],
  )) as DeliveryFacts[];
  return row ?? null;
}
