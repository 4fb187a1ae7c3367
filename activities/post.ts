import type { ConnectionOptions } from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import type { AttemptTimings, WireHeader } from '../src/deliveries/attempt.entity.js';
import type { AttemptErrorType } from '../src/policy/outcome.js';
import { parseRetryAfter } from '../src/policy/retry-schedule.js';
import type { NetworkPolicy } from '../src/policy/network-policy.js';
import { egressProxyConnector } from './egress-proxy.js';
import { elapsedMs, policedConnector } from './policed-connector.js';
import { classifyRequestError, MAX_INFORMATIONAL_RESPONSES, quoted, TooManyInformationalResponses } from './request-errors.js';
import type { SignedRequest } from './sign.js';
import { maskedResponseHeaders, watchRequest } from './wire-capture.js';

/** How much of the receiver's answer is kept unless RESPONSE_BODY_LIMIT says otherwise. */
export const DEFAULT_RESPONSE_BODY_LIMIT = 4096;

export interface PostResult {
  statusCode: number | null;
  responseBody: string | null;
  retryAfterSeconds: number | null;
  errorType: AttemptErrorType | null;
  errorMessage: string | null;
  durationMs: number;
  /** The headers as sent, credentials masked; null when the request never left. */
  requestHeaders: WireHeader[] | null;
  responseHeaders: Record<string, string | string[]> | null;
  timings: AttemptTimings | null;
  remoteAddress: string | null;
}

/** A result with nothing sent. */
export const unsent = (errorType: AttemptErrorType, errorMessage: string): PostResult => ({
  statusCode: null,
  responseBody: null,
  retryAfterSeconds: null,
  errorType,
  errorMessage,
  durationMs: 0,
  requestHeaders: null,
  responseHeaders: null,
  timings: null,
  remoteAddress: null,
});

/**
 * One keep-alive pool per origin, shared by every attempt of this worker; every new socket goes through the
 * network policy (literal IPs and resolved addresses, pinned), and through the egress proxy when one is set.
 */
export function createHttpAgent(policy: NetworkPolicy, egressProxy?: string, tls?: ConnectionOptions): Agent {
  const connect = egressProxy ? egressProxyConnector(policy, egressProxy, tls) : policedConnector(policy, tls);
  return new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1, connect });
}

export const blockedResult = (message: string): PostResult => unsent('blocked', message);

/** Reads at most `limit` bytes of the answer, then lets the rest go. */
async function readCapped(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    chunks.push(buf.subarray(0, limit - size));
    size += Math.min(buf.length, limit - size);
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return storableText(Buffer.concat(chunks).toString('utf8'));
}

/** A receiver may answer any bytes; Postgres text cannot hold NUL, so it is kept as the escape `\u0000`. */
export const storableText = (s: string) => s.replaceAll('\u0000', '\\u0000');

/**
 * POSTs one signed request: per-attempt timeout, at most 10 informational answers, no redirects, answer
 * capped at `bodyLimit` bytes; what went over the wire is captured (wire-capture.ts). Never throws.
 */
export async function postRequest(
  dispatcher: Dispatcher,
  req: SignedRequest,
  timeoutMs: number,
  bodyLimit = DEFAULT_RESPONSE_BODY_LIMIT,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // undici reports each 1xx answer here; past the cap, aborting ends the attempt and drops the socket.
  const cutShort = new AbortController();
  let informational = 0;
  const onInfo = () => {
    if (++informational > MAX_INFORMATIONAL_RESPONSES) cutShort.abort(new TooManyInformationalResponses());
  };
  const body = Buffer.from(req.body);
  const wire = watchRequest(body, req.secretHeaders);
  let firstByteMs: number | null = null;
  const sent = () => ({
    requestHeaders: wire.requestHeaders,
    remoteAddress: wire.remoteAddress,
    timings: wire.requestHeaders && {
      dnsMs: wire.connection?.dnsMs ?? null,
      connectMs: wire.connection?.connectMs ?? null,
      tlsMs: wire.connection?.tlsMs ?? null,
      reusedConnection: wire.reusedConnection,
      firstByteMs,
      totalMs: elapsedMs(started, performance.now()),
    },
  });
  try {
    const res = await request(req.url, {
      method: 'POST',
      body,
      headers: req.headers,
      dispatcher,
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), cutShort.signal]),
      onInfo,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    firstByteMs = elapsedMs(started, performance.now());
    const responseBody = await readCapped(res.body, bodyLimit).catch(() => '');
    const isRedirect = res.statusCode >= 300 && res.statusCode < 400;
    const retryAfter = res.headers['retry-after'];
    return {
      statusCode: res.statusCode,
      responseBody,
      retryAfterSeconds: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
      errorType: isRedirect ? 'redirect' : null,
      errorMessage: isRedirect
        ? `redirects are not followed (location: ${storableText(quoted(String(res.headers['location'] ?? '')))})`
        : null,
      durationMs: elapsed(),
      responseHeaders: maskedResponseHeaders(res.headers),
      ...sent(),
    };
  } catch (err) {
    const { type, message } = classifyRequestError(err, wire.tlsRefusal?.());
    return { ...unsent(type, message), durationMs: elapsed(), ...sent() };
  }
}
