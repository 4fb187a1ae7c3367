import { isCredentialHeader, MASK } from '../secrets/credential-headers.js';
import { isoDateTime } from '../common/validation.js';
import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';
import { pageQuery } from '../common/pagination.js';
import { DELIVERY_KINDS, DELIVERY_STATUSES, type DeliveryFilters } from '../policy/delivery-filters.js';
import type { Attempt } from './attempt.entity.js';
import type { Delivery } from './delivery.entity.js';
import { isEnded } from '../policy/delivery-states.js';

export const listDeliveriesQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(DELIVERY_STATUSES).optional(),
  eventType: z.string().max(100).optional(),
  since: isoDateTime().optional(),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;

/** Which deliveries of the tenant: the filters of the tenant-wide search (and of replays). */
export const deliveryFilters = {
  status: z.enum(DELIVERY_STATUSES).optional(),
  kind: z
    .enum(DELIVERY_KINDS)
    .optional()
    .describe('A replay names only `event` deliveries (the originals) unless this asks for another kind'),
  eventType: z.string().max(100).optional(),
  subscriptionId: z.string().max(40).optional(),
  since: isoDateTime().optional().describe('Created at or after'),
  until: isoDateTime().optional().describe('Created before'),
  statusCode: z.coerce.number().int().min(100).max(599).optional().describe("The last attempt's HTTP status"),
  // What the query yields is what a replay stores (src/policy/delivery-filters.ts).
} satisfies { [K in keyof DeliveryFilters]-?: z.ZodType<DeliveryFilters[K]> };

/** `until` after `since`, or the window is empty by mistake. */
export const windowInOrder = (q: { since?: string; until?: string }) => !q.since || !q.until || Date.parse(q.until) > Date.parse(q.since);
const WINDOW_ORDER = { path: ['until'], message: 'must be after since' };

export const searchDeliveriesQuery = z.strictObject({ ...pageQuery, ...deliveryFilters }).refine(windowInOrder, WINDOW_ORDER);
export type SearchDeliveriesQuery = z.output<typeof searchDeliveriesQuery>;

/**
 * Captures are masked when written (wire-capture.ts); masked again when read, by today's name rule, so captures
 * stored under a narrower rule (signatures included) never show a credential either.
 */
const maskRequestHeaders = (headers: Attempt['requestHeaders']) =>
  headers && headers.map((h) => (isCredentialHeader(h.name) ? { name: h.name, value: MASK } : h));
const maskResponseHeaders = (headers: Attempt['responseHeaders']) =>
  headers && Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isCredentialHeader(name) ? MASK : value]));

export function attemptView(a: Attempt) {
  return {
    id: a.id,
    number: a.number,
    startedAt: a.startedAt.toISOString(),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    responseBody: a.responseBody,
    error: a.errorType ? { type: a.errorType, message: a.errorMessage ?? '' } : null,
    request: { headers: maskRequestHeaders(a.requestHeaders) },
    response: { headers: maskResponseHeaders(a.responseHeaders) },
    timings: a.timings,
    remoteAddress: a.remoteAddress,
  };
}

export function deliveryView(d: Delivery, links: { workflowId: string; temporalUrl: string }) {
  return {
    id: d.id,
    kind: d.kind,
    eventId: d.eventId,
    eventType: d.eventType,
    subscriptionId: d.subscriptionId,
    status: d.status,
    attemptCount: d.attemptCount,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    waitingFor: isEnded(d.status) ? null : d.waitingFor,
    orderingKey: d.orderingKey,
    predecessorId: d.predecessorId,
    redeliveryOf: d.redeliveryOf,
    cancelReason: d.status === 'cancelled' ? d.cancelReason : null,
    lastStatusCode: d.lastStatusCode,
    createdAt: d.createdAt.toISOString(),
    completedAt: d.completedAt?.toISOString() ?? null,
    ...links,
  };
}

export const attemptResponse = z.object({
  id: z.string(),
  number: z.number().int(),
  startedAt: isoDate,
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseBody: z.string().nullable().describe("The first RESPONSE_BODY_LIMIT bytes (4 KiB by default) of the receiver's answer"),
  error: z
    .object({
      type: z.enum(['timeout', 'connection', 'dns', 'tls', 'blocked', 'redirect', 'auth', 'transform', 'internal']),
      message: z.string(),
    })
    .nullable(),
  request: z.object({
    headers: z
      .array(z.object({ name: z.string(), value: z.string() }))
      .nullable()
      .describe('The headers as written on the wire, in order (as in HAR); credentials masked `****`; null if nothing was sent'),
  }),
  response: z.object({
    headers: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .nullable()
      .describe("The receiver's answer headers (`set-cookie` and credentials masked); null without an answer"),
  }),
  timings: z
    .object({
      dnsMs: z.number().nullable().describe('Resolving the host (null for an IP address or a kept-alive connection)'),
      connectMs: z.number().nullable().describe('Opening the TCP connection (null on a kept-alive connection)'),
      tlsMs: z.number().nullable().describe('The TLS handshake (null for http or a kept-alive connection)'),
      reusedConnection: z.boolean().describe('Sent on a kept-alive connection opened by an earlier request'),
      firstByteMs: z.number().nullable().describe("From the attempt's start until the answer's headers arrived"),
      totalMs: z.number().describe("From the attempt's start until the answer was read (or the attempt failed)"),
    })
    .nullable()
    .describe('Where the time went, in milliseconds; null when the request never reached a connection'),
  remoteAddress: z.string().nullable().describe('The IP address the request was sent to'),
});

export const deliveryResponse = z.object({
  id: z.string(),
  kind: z.enum(DELIVERY_KINDS),
  eventId: z.string(),
  eventType: z.string(),
  subscriptionId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  nextAttemptAt: isoDate.nullable(),
  waitingFor: z
    .enum(['circuit', 'share', 'in-flight', 'predecessor', 'blocked-line', 'rate', 'concurrency', 'throttled'])
    .nullable()
    .describe('Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting'),
  orderingKey: z
    .string()
    .nullable()
    .describe('The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered'),
  predecessorId: z
    .string()
    .nullable()
    .describe('The delivery before this one in its FIFO line: this one is sent only after that one ended'),
  redeliveryOf: z.string().nullable().describe('A redelivery: the delivery it sends again'),
  cancelReason: z
    .enum(['skipped'])
    .nullable()
    .describe('Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped)'),
  lastStatusCode: z.number().int().nullable(),
  createdAt: isoDate,
  completedAt: isoDate.nullable(),
  workflowId: z.string(),
  temporalUrl: z.string().optional().describe('The Temporal UI page of its workflow (operators only: absent through a portal link)'),
});
export const deliveryWithAttemptsResponse = deliveryResponse.extend({ attempts: z.array(attemptResponse) });
export const deliveryPage = pageOf(deliveryResponse);
