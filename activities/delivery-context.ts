import type { DataSource } from 'typeorm';
import type { SecretBox } from '../src/secrets/secret-box.js';
import { openSecrets } from '../src/secrets/subscription-secrets.js';
import type { DeliveryKind, DeliveryStatus } from '../src/deliveries/delivery.entity.js';
import type {
  PayloadFormat,
  SignatureScheme,
  SubscriptionAuth,
  SubscriptionStatus,
} from '../src/subscriptions/subscription.entity.js';

/** Everything one attempt needs, read in one round trip by delivery id. */
export interface DeliveryContext {
  deliveryId: string;
  tenantId: string;
  deliveryStatus: DeliveryStatus;
  kind: DeliveryKind;
  eventId: string;
  eventType: string;
  eventData: Record<string, unknown>;
  occurredAt: Date;
  account: string;
  subscriptionId: string;
  subscriptionStatus: SubscriptionStatus;
  subscriptionDeleted: boolean;
  url: string;
  headers: Record<string, string>;
  auth: SubscriptionAuth | null;
  signatureScheme: SignatureScheme;
  signatureHeader: string | null;
  payloadFormat: PayloadFormat;
  retrySchedule: number[];
  timeoutMs: number;
  /** The circuit breaker's state (see src/delivery/circuit-breaker.ts). */
  circuitOpenUntil: Date | null;
  circuitTrips: number;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

// Reads the context and, when an attempt will be made, marks the delivery `sending`: one round trip. With the
// circuit open or half-open the mark waits for the circuit decision (see circuit.activity.ts).
const SQL = `
WITH ctx AS (
SELECT d.id AS "deliveryId", d.tenant_id AS "tenantId", d.status AS "deliveryStatus", d.kind, d.event_id AS "eventId",
       e.type AS "eventType", e.data AS "eventData", e.occurred_at AS "occurredAt", t.name AS account,
       s.id AS "subscriptionId", s.status AS "subscriptionStatus", (s.deleted_at IS NOT NULL) AS "subscriptionDeleted",
       s.url, s.headers, s.auth, s.signature_scheme AS "signatureScheme", s.signature_header AS "signatureHeader",
       s.payload_format AS "payloadFormat", s.retry_schedule AS "retrySchedule", s.timeout_ms AS "timeoutMs",
       s.circuit_open_until AS "circuitOpenUntil", s.circuit_trips AS "circuitTrips",
       s.secret, s.previous_secret AS "previousSecret", s.previous_secret_expires_at AS "previousSecretExpiresAt"
  FROM deliveries d
  JOIN events e ON e.id = d.event_id
  JOIN subscriptions s ON s.id = d.subscription_id
  JOIN tenants t ON t.id = d.tenant_id
 WHERE d.id = $1
), mark AS (
UPDATE deliveries d SET status = 'sending', dispatched = true, updated_at = now()
  FROM ctx
 WHERE d.id = ctx."deliveryId"
   AND ctx."deliveryStatus" NOT IN ('succeeded', 'failed', 'cancelled')
   AND (ctx.kind = 'test' OR (ctx."subscriptionStatus" = 'active' AND NOT ctx."subscriptionDeleted" AND ctx."circuitOpenUntil" IS NULL))
)
SELECT * FROM ctx`;

/** The context with its credentials opened: they exist in clear only in this activity's memory. */
export async function loadDeliveryContext(db: DataSource, box: SecretBox, deliveryId: string): Promise<DeliveryContext | null> {
  const rows: DeliveryContext[] = await db.query(SQL, [deliveryId]);
  return rows[0] ? openSecrets(box, rows[0]) : null;
}
