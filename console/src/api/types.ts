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
  signature: { scheme: string; header: string | null; timestamped: boolean };
  payloadFormat: 'envelope' | 'raw' | 'form';
  retrySchedule: number[];
  timeoutMs: number;
  traceContext: boolean;
  ordering: 'none' | 'fifo';
  fifoOnFailure: FifoOnFailure;
  circuit: { state: 'closed' | 'open' | 'half-open'; openUntil: string | null; consecutiveFailures: number };
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionInput {
  name?: string;
  url: string;
  events: string[];
  filter?: Record<string, unknown> | null;
  payloadFormat?: Subscription['payloadFormat'];
  timeoutMs?: number;
  retrySchedule?: number[];
  traceContext?: boolean;
  fifoOnFailure?: FifoOnFailure;
}

/** With FIFO ordering: after a head exhausts its retries, its line goes on (`skip`) or waits for a person (`block`). */
export type FifoOnFailure = 'skip' | 'block';

/** A FIFO line with work in it (GET /v1/subscriptions/:id/lines). */
export interface Line {
  orderingKey: string;
  head: { id: string; status: DeliveryStatus; attemptCount: number };
  blocked: boolean;
  waiting: number;
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
