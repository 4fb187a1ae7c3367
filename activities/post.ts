import { Agent, request, type Dispatcher } from 'undici';
import type { AttemptErrorType } from '../src/deliveries/attempt.entity.js';
import { parseRetryAfter } from '../src/policy/retry-schedule.js';
import type { NetworkPolicy } from '../src/policy/network-policy.js';
import { egressProxyConnector } from './egress-proxy.js';
import { policedConnector } from './policed-connector.js';
import { classifyRequestError, MAX_INFORMATIONAL_RESPONSES, quoted, TooManyInformationalResponses } from './request-errors.js';
import type { SignedRequest } from './sign.js';

export const RESPONSE_BODY_LIMIT = 4096;

export interface PostResult {
  statusCode: number | null;
  responseBody: string | null;
  retryAfterSeconds: number | null;
  errorType: AttemptErrorType | null;
  errorMessage: string | null;
  durationMs: number;
}

/**
 * One keep-alive pool per origin, shared by every attempt of this worker; every new socket goes through the
 * network policy (literal IPs and resolved addresses, pinned), and through the egress proxy when one is set.
 */
export function createHttpAgent(policy: NetworkPolicy, egressProxy?: string): Agent {
  const connect = egressProxy ? egressProxyConnector(policy, egressProxy) : policedConnector(policy);
  return new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1, connect });
}

export function blockedResult(message: string): PostResult {
  return { statusCode: null, responseBody: null, retryAfterSeconds: null, errorType: 'blocked', errorMessage: message, durationMs: 0 };
}

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
 * capped at 4 KiB. Never throws.
 */
export async function postRequest(dispatcher: Dispatcher, req: SignedRequest, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // undici reports each 1xx answer here; past the cap, aborting ends the attempt and drops the socket.
  const cutShort = new AbortController();
  let informational = 0;
  const onInfo = () => {
    if (++informational > MAX_INFORMATIONAL_RESPONSES) cutShort.abort(new TooManyInformationalResponses());
  };
  try {
    const res = await request(req.url, {
      method: 'POST',
      body: req.body,
      headers: req.headers,
      dispatcher,
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), cutShort.signal]),
      onInfo,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const responseBody = await readCapped(res.body, RESPONSE_BODY_LIMIT).catch(() => '');
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
    };
  } catch (err) {
    const { type, message } = classifyRequestError(err);
    return { statusCode: null, responseBody: null, retryAfterSeconds: null, errorType: type, errorMessage: message, durationMs: elapsed() };
  }
}
