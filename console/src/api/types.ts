// The shapes the console reads from /v1 (see /openapi.json); only the fields it uses.

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';
export type DeliveryStatus = 'scheduled' | 'held' | 'sending' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';
export const DELIVERY_STATUSES: DeliveryStatus[] = ['scheduled', 'held', 'sending', 'retrying', 'succeeded', 'failed', 'cancelled'];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Subscription {
  id: string;
  name: string;
  url: string;
  events: string[];
  filter: Record<string, unknown> | null;
  status: SubscriptionStatus;
  disabledReason: string | null;
  headers: Record<string, string>;
  auth: SubscriptionAuthView | null;
  signature: { scheme: string; header: string | null; timestamped: boolean; publicKey: string | null };
  payloadFormat: 'envelope' | 'raw' | 'form';
  retrySchedule: number[];
  timeoutMs: number;
  ordering: 'none' | 'fifo';
  orderingKey: string | null;
  rateLimit: { perSecond: number; burst: number } | null;
  maxConcurrency: number | null;
  traceContext: boolean;
  transform: string | null;
  clientTls: { subject: string; expiresAt: string; serverCa: boolean } | null;
  circuit: { state: 'closed' | 'open' | 'half-open'; openUntil: string | null; consecutiveFailures: number };
  createdAt: string;
  updatedAt: string;
}

/** Auth as a read shows it: the password, token and client secret are write-only. */
export type SubscriptionAuthView =
  | { type: 'basic'; username: string }
  | { type: 'bearer' }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; scope: string | null; audience: string | null };

export type SubscriptionAuthInput =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string; audience?: string };

/** A create, or (every field optional) a PATCH: what is left out stays as it is. */
export interface SubscriptionInput {
  name?: string;
  url?: string;
  events?: string[];
  filter?: Record<string, unknown> | null;
  headers?: Record<string, string | { value: string; secret: true }>;
  auth?: SubscriptionAuthInput | null;
  signature?: { scheme: string; header?: string; timestamped?: boolean };
  payloadFormat?: Subscription['payloadFormat'];
  timeoutMs?: number;
  retrySchedule?: number[];
  ordering?: Subscription['ordering'];
  orderingKey?: string | null;
  rateLimit?: { perSecond: number; burst?: number } | null;
  maxConcurrency?: number | null;
  traceContext?: boolean;
  transform?: string | null;
  clientTls?: { certificate: string; privateKey: string; serverCa?: string } | null;
}

export interface AttemptError {
  type: string;
  message: string;
}

export interface Attempt {
  id: string;
  number: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
  error: AttemptError | null;
  request: { headers: { name: string; value: string }[] | null };
  response: { headers: Record<string, string | string[]> | null };
  timings: AttemptTimings | null;
  remoteAddress: string | null;
}

export interface AttemptTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  reusedConnection: boolean;
  firstByteMs: number | null;
  totalMs: number;
}

export interface Delivery {
  id: string;
  kind: 'event' | 'ping' | 'test' | 'redelivery';
  eventId: string;
  eventType: string;
  subscriptionId: string;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  completedAt: string | null;
  workflowId: string;
  /** Absent through a portal link. */
  temporalUrl?: string;
}

export interface DeliveryWithAttempts extends Delivery {
  attempts: Attempt[];
}

export interface TestSendResult {
  delivery: DeliveryWithAttempts;
  attempt: { statusCode: number | null; durationMs: number | null; responseBody: string | null; error: AttemptError | null };
}

export interface EventRecord {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface EventWithDeliveries extends EventRecord {
  deliveries: Delivery[];
}

export interface EventType {
  name: string;
  description: string | null;
  schema: Record<string, unknown> | null;
  builtIn: boolean;
  archived: boolean;
}

export type StatusCounts = Record<DeliveryStatus, number>;

export interface DeliveryStats {
  since: string;
  until: string;
  total: number;
  byStatus: StatusCounts;
  hourly: ({ hour: string } & StatusCounts)[];
}

export interface ApiKey {
  id: string;
  scopes: string[];
  expiresAt: string | null;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends Omit<ApiKey, 'revokedAt'> {
  apiKey: string;
}

export interface PortalLink {
  url: string;
  token: string;
  expiresAt: string;
}
