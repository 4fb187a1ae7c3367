import { isoDateTime, jsonObject } from '../common/validation.js';
import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';
import { attemptResponse, deliveryWithAttemptsResponse } from '../deliveries/delivery.dto.js';
import { replayResponse } from '../replays/replay.dto.js';
import { EVENT_PATTERN } from '../policy/event-matching.js';
import { circuitGate } from '../policy/circuit-breaker.js';
import { CONCURRENCY_LIMITS, defaultBurst, RATE_LIMITS } from '../policy/flow-limits.js';
import { FIFO_ON_FAILURE, JSON_POINTER } from '../policy/ordering.js';
import { isStandardScheme, TIMESTAMP_HEADER } from '../policy/signing.js';
import { DEFAULT_RETRY_SCHEDULE } from '../policy/retry-schedule.js';
import { maskedHeaders } from '../secrets/subscription-secrets.js';
import { bearerToken, headerName, headerValue, signatureHeaderOverride } from './sendable-headers.js';
import { filterSchema } from './filter-schema.js';
import type { Subscription, SubscriptionAuth } from './subscription.entity.js';
import { PAYLOAD_FORMATS } from '../policy/payload.js';
import { SIGNATURE_SCHEMES } from '../policy/signing.js';
import { clientTlsProblems, clientTlsView } from '../policy/client-certificate.js';
import { TRANSFORM_LIMITS, transformCompileError } from '../policy/transform.js';

/** The longest an attempt may wait for its receiver; the worker's shutdown grace is sized from it. */
export const MAX_TIMEOUT_MS = 60_000;

/** A JSONata expression that compiles; the error names its position. */
export const transformExpression = z
  .string()
  .min(1)
  .max(TRANSFORM_LIMITS.expressionLength)
  .superRefine((expression, ctx) => {
    const error = transformCompileError(expression);
    if (error) ctx.addIssue({ code: 'custom', message: `does not compile: ${error}` });
  });

const subscriptionFields = {
  name: z.string().trim().min(1).max(200),
  url: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  events: z
    .array(z.string().max(100).regex(EVENT_PATTERN, 'must be an event type, `*`, or a prefix pattern like `job.*`'))
    .min(1, 'must name at least one event type or pattern')
    .max(100),
  filter: filterSchema.nullable(),
  headers: z
    .record(
      headerName,
      z.union([
        headerValue,
        z
          .strictObject({ value: headerValue, secret: z.literal(true) })
          .describe('A value marked secret: sealed at rest and masked `****` in every read, whatever the header is called'),
      ]),
    )
    .refine((h) => Object.keys(h).length <= 20, 'at most 20 headers')
    .describe(
      'Extra request headers. Values of headers named like credentials (containing auth, token, secret, passw, key, credential, signature, session, cookie, ...) are sealed and read back `****` (writing `****` back keeps the stored value); mark any other secret with `{ "value": ..., "secret": true }`',
    ),
  auth: z
    .discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('basic'),
        username: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[^:]*$/, 'must not contain `:`'),
        password: z.string().min(1).max(500),
      }),
      z.strictObject({ type: z.literal('bearer'), token: bearerToken }),
      z.strictObject({
        type: z.literal('oauth2'),
        tokenUrl: z
          .string()
          .max(2048, 'must be at most 2048 characters')
          .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
          .describe('The token endpoint: asked with the client-credentials grant, under the same network policy as `url`'),
        clientId: z.string().min(1).max(500),
        clientSecret: z.string().min(1).max(2000).describe('Write-only: sealed at rest, never read back'),
        scope: z.string().min(1).max(1000).optional(),
        audience: z.string().min(1).max(1000).optional(),
      }),
    ])
    .nullable(),
  signature: z
    .strictObject({
      scheme: z
        .enum(SIGNATURE_SCHEMES)
        .describe(
          '`standard-webhooks` (HMAC, `v1`), `ed25519` (Standard Webhooks `v1a`: receivers verify with the public key), `hmac-sha256`, `hmac-sha1`',
        ),
      header: signatureHeaderOverride.optional(),
      timestamped: z
        .boolean()
        .optional()
        .describe(
          'hmac-sha256 and hmac-sha1 only: sign `{timestamp}.{body}` and send `x-webhook-timestamp`, against replays (default false)',
        ),
    })
    // Standard Webhooks signs the timestamp anyway; accepting the flag there would suggest it changes something.
    .refine((s) => !(s.timestamped && isStandardScheme(s.scheme)), {
      path: ['timestamped'],
      message: 'standard-webhooks and ed25519 always sign the timestamp; timestamped is for hmac-sha256 and hmac-sha1',
    })
    // Else the signature would overwrite the timestamp it signs.
    .refine((s) => !(s.timestamped && s.header?.toLowerCase() === TIMESTAMP_HEADER), {
      path: ['header'],
      message: `must not be ${TIMESTAMP_HEADER}, which carries the signed timestamp`,
    }),
  payloadFormat: z.enum(PAYLOAD_FORMATS),
  retrySchedule: z.array(z.number().int().min(0).max(604_800)).max(20, 'at most 20 retries'),
  timeoutMs: z.number().int().min(1000).max(MAX_TIMEOUT_MS),
  ordering: z
    .enum(['none', 'fifo'])
    .describe('`fifo`: a delivery is sent only after the previous one of its line (same subscription, same `orderingKey` value) ended'),
  orderingKey: z
    .string()
    .max(200)
    .regex(JSON_POINTER, 'must be a JSON pointer into the event data, e.g. /jobId (`~0` for `~`, `~1` for `/`)')
    .nullable()
    .describe('With `fifo`: the JSON pointer whose value in the event data names the line; null: the whole subscription is one line'),
  fifoOnFailure: z
    .enum(FIFO_ON_FAILURE)
    .describe(
      'With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person to redeliver or skip the head (`block`)',
    ),
  rateLimit: z
    .strictObject({
      perSecond: z
        .number()
        .min(RATE_LIMITS.minPerSecond)
        .max(RATE_LIMITS.maxPerSecond)
        .describe(
          `Attempts per second at most (${RATE_LIMITS.minPerSecond}..${RATE_LIMITS.maxPerSecond}, fractions allowed: 0.5 is one every 2 s)`,
        ),
      burst: z
        .number()
        .int()
        .min(1)
        .max(RATE_LIMITS.maxBurst)
        .optional()
        .describe('How many may go at once after a quiet spell (default: one second’s worth, at least 1)'),
    })
    .nullable()
    .describe(
      'At most `perSecond` attempts per second to this subscription, across all workers, `burst` at once; waiting work is held (no attempt used), never dropped. null: no limit',
    ),
  maxConcurrency: z
    .number()
    .int()
    .min(CONCURRENCY_LIMITS.min)
    .max(CONCURRENCY_LIMITS.max)
    .nullable()
    .describe(
      `Attempts in flight at once to this subscription, across all workers (${CONCURRENCY_LIMITS.min}..${CONCURRENCY_LIMITS.max}); null: no limit`,
    ),
  traceContext: z
    .boolean()
    .describe(
      "Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace (when the service traces). Default false",
    ),
  transform: transformExpression
    .nullable()
    .describe(
      'A JSONata expression applied to what would be sent (the envelope object, or `data` for `raw`; not with `form`) before signing: its result, a JSON object, is the body. null: none',
    ),
  clientTls: z
    .strictObject({
      certificate: z.string().max(65_536).describe('PEM: the client certificate (and any intermediates after it)'),
      privateKey: z.string().max(16_384).describe('PEM, unencrypted; write-only: sealed at rest, never read back'),
      serverCa: z
        .string()
        .max(262_144)
        .nullable()
        .optional()
        .describe("PEM: the CA(s) the receiver's own certificate must chain to, for this subscription only (default: the public CAs)"),
    })
    // Parsed here so every problem is named with the request's other bad fields.
    .superRefine((tls, ctx) => {
      for (const e of clientTlsProblems(tls))
        ctx.addIssue({ code: 'custom', path: [e.field.replace(/^clientTls\./, '')], message: e.message });
    })
    .nullable()
    .describe('Mutual TLS: the certificate presented to the receiver; replaced whole, null removes it'),
};

export const createSubscriptionSchema = z.strictObject({
  name: subscriptionFields.name.optional(),
  url: subscriptionFields.url,
  events: subscriptionFields.events,
  filter: subscriptionFields.filter.optional(),
  headers: subscriptionFields.headers.optional(),
  auth: subscriptionFields.auth.optional(),
  signature: subscriptionFields.signature.optional(),
  payloadFormat: subscriptionFields.payloadFormat.optional(),
  retrySchedule: subscriptionFields.retrySchedule.optional(),
  timeoutMs: subscriptionFields.timeoutMs.optional(),
  ordering: subscriptionFields.ordering.optional(),
  orderingKey: subscriptionFields.orderingKey.optional(),
  fifoOnFailure: subscriptionFields.fifoOnFailure.optional(),
  rateLimit: subscriptionFields.rateLimit.optional(),
  maxConcurrency: subscriptionFields.maxConcurrency.optional(),
  traceContext: subscriptionFields.traceContext.optional(),
  transform: subscriptionFields.transform.optional(),
  clientTls: subscriptionFields.clientTls.optional(),
  /** Send a `webhook.ping` to the new URL (default true). */
  ping: z.boolean().optional(),
});

/** Any field of a create, except `ping`; absent fields stay as they are. */
export const updateSubscriptionSchema = createSubscriptionSchema.omit({ ping: true }).partial();

export const rotateSecretSchema = z.strictObject({
  graceSeconds: z.number().int().min(0).max(604_800, 'at most 7 days').default(0),
});

export const testSendSchema = z.strictObject({
  type: z.string().max(100).default('webhook.test'),
  data: jsonObject().optional(),
});

export const recoverSchema = z
  .strictObject({
    since: isoDateTime(),
    until: isoDateTime().optional(),
  })
  .refine((r) => !r.until || Date.parse(r.until) > Date.parse(r.since), { path: ['until'], message: 'must be after since' });

export type CreateSubscriptionInput = z.output<typeof createSubscriptionSchema>;
export type UpdateSubscriptionInput = z.output<typeof updateSubscriptionSchema>;

export const DEFAULTS = {
  retrySchedule: DEFAULT_RETRY_SCHEDULE,
  timeoutMs: 15_000,
  payloadFormat: 'envelope',
  signatureScheme: 'standard-webhooks',
  ordering: 'none',
  fifoOnFailure: 'skip',
} as const;

const FORM_ARRAYS = ['events', 'retrySchedule'];
const FORM_OBJECTS = ['filter', 'headers', 'auth', 'signature', 'rateLimit', 'clientTls'];
const FORM_NUMBERS = ['timeoutMs', 'maxConcurrency'];

/**
 * application/x-www-form-urlencoded bodies: array fields arrive as repeated keys, objects as JSON strings,
 * numbers and booleans as text. Turns them into the JSON shape; the schema then judges the values.
 */
export function fromForm(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    let value: unknown = raw;
    if (FORM_ARRAYS.includes(key)) value = Array.isArray(raw) ? raw : [raw];
    if (key === 'retrySchedule') value = (value as string[]).map((v) => (/^\d+$/.test(v) ? Number(v) : v));
    if (FORM_OBJECTS.includes(key) && typeof raw === 'string') {
      try {
        value = raw === 'null' ? null : JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    if (FORM_NUMBERS.includes(key) && typeof raw === 'string' && /^\d+$/.test(raw)) value = Number(raw);
    if (key === 'maxConcurrency' && raw === 'null') value = null;
    if ((key === 'ping' || key === 'traceContext') && (raw === 'true' || raw === 'false')) value = raw === 'true';
    out[key] = value;
  }
  return out;
}

/** Auth as a read shows it: never a password, token or client secret. */
function authView(auth: SubscriptionAuth | null) {
  if (auth === null) return null;
  if (auth.type === 'basic') return { type: 'basic' as const, username: auth.username };
  if (auth.type === 'bearer') return { type: 'bearer' as const };
  return {
    type: 'oauth2' as const,
    tokenUrl: auth.tokenUrl,
    clientId: auth.clientId,
    scope: auth.scope ?? null,
    audience: auth.audience ?? null,
  };
}

export function subscriptionView(s: Subscription) {
  const headers = maskedHeaders(s.headers);
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    events: s.events,
    filter: s.filter,
    status: s.status,
    disabledReason: s.disabledReason,
    headers,
    auth: authView(s.auth),
    signature: { scheme: s.signatureScheme, header: s.signatureHeader, timestamped: s.signatureTimestamped, publicKey: s.publicKey },
    payloadFormat: s.payloadFormat,
    retrySchedule: s.retrySchedule,
    timeoutMs: s.timeoutMs,
    ordering: s.ordering,
    orderingKey: s.orderingKey,
    fifoOnFailure: s.fifoOnFailure,
    rateLimit: s.ratePerSecond === null ? null : { perSecond: s.ratePerSecond, burst: s.rateBurst ?? defaultBurst(s.ratePerSecond) },
    maxConcurrency: s.maxConcurrency,
    traceContext: s.traceContext,
    transform: s.transform,
    clientTls: clientTlsView(s.clientTls),
    throttledUntil: s.throttledUntil && s.throttledUntil.getTime() > Date.now() ? s.throttledUntil.toISOString() : null,
    circuit: {
      state: circuitGate(s.circuitOpenUntil),
      openUntil: s.circuitOpenUntil?.toISOString() ?? null,
      consecutiveFailures: s.consecutiveFailures,
    },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const subscriptionResponse = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  filter: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(['active', 'paused', 'disabled']),
  disabledReason: z.string().nullable(),
  headers: z.record(z.string(), z.string()).describe('Credentials (by name, or marked secret) read `****`'),
  auth: z.union([
    z.null(),
    z.object({ type: z.literal('basic'), username: z.string() }),
    z.object({ type: z.literal('bearer') }),
    z
      .object({
        type: z.literal('oauth2'),
        tokenUrl: z.string(),
        clientId: z.string(),
        scope: z.string().nullable(),
        audience: z.string().nullable(),
      })
      .describe('OAuth2 client credentials; the client secret is never shown'),
  ]),
  signature: z.object({
    scheme: z.enum(SIGNATURE_SCHEMES),
    header: z.string().nullable(),
    timestamped: z.boolean().describe('The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone'),
    publicKey: z
      .string()
      .nullable()
      .describe('ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key)'),
  }),
  payloadFormat: z.enum(PAYLOAD_FORMATS),
  retrySchedule: z.array(z.number().int()),
  timeoutMs: z.number().int(),
  ordering: z.enum(['none', 'fifo']),
  orderingKey: z.string().nullable(),
  fifoOnFailure: z.enum(FIFO_ON_FAILURE),
  rateLimit: z
    .object({ perSecond: z.number(), burst: z.number().int() })
    .nullable()
    .describe('At most `perSecond` attempts per second, `burst` at once; null: no limit'),
  maxConcurrency: z.number().int().nullable().describe('Attempts in flight at once at most; null: no limit'),
  traceContext: z.boolean().describe('Requests carry W3C `traceparent`/`tracestate`'),
  transform: z.string().nullable().describe('The JSONata expression that reshapes the body; null: none'),
  clientTls: z
    .object({ subject: z.string(), expiresAt: isoDate, serverCa: z.boolean() })
    .nullable()
    .describe('Mutual TLS: the client certificate presented (its subject and end; the private key is never shown)'),
  throttledUntil: isoDate
    .nullable()
    .describe('The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled)'),
  circuit: z
    .object({
      state: z.enum(['closed', 'open', 'half-open']),
      openUntil: isoDate.nullable(),
      consecutiveFailures: z.number().int(),
    })
    .describe('The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`)'),
  createdAt: isoDate,
  updatedAt: isoDate,
});
const shownOnce = z
  .string()
  .nullable()
  .describe(
    'The `whsec_` signing secret, shown only here; null for ed25519, whose signing key never leaves the service (receivers verify with `signature.publicKey`)',
  );
export const subscriptionCreatedResponse = subscriptionResponse.extend({ secret: shownOnce });
export const subscriptionUpdatedResponse = subscriptionResponse.extend({
  secret: z.string().optional().describe('Only when the change from ed25519 to an HMAC scheme made a new `whsec_` secret: shown this once'),
});
export const subscriptionResumedResponse = subscriptionResponse.extend({ released: z.number().int() });
export const subscriptionPage = pageOf(subscriptionResponse);
export const secretResponse = z.object({
  secret: shownOnce,
  publicKey: z.string().optional().describe('ed25519: the new `whpk_` key'),
});
export const publicKeyResponse = z.object({
  publicKey: z.string().describe('`whpk_` + base64 of the Ed25519 public key'),
  previous: z
    .object({ publicKey: z.string(), expiresAt: isoDate })
    .nullable()
    .describe('During a rotation grace: the previous key, which the second signature of each request verifies with'),
});
export const recoveredResponse = z.object({
  redelivered: z.number().int().describe('Failed deliveries of the window to send again (the replay’s total)'),
  replay: replayResponse.describe('The replay that sends them, batched and paced: its progress at GET /v1/replays/:id'),
});
export const testSendResponse = z.object({
  delivery: deliveryWithAttemptsResponse,
  attempt: z.object({
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    error: attemptResponse.shape.error,
  }),
});
