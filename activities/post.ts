import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { AttemptErrorType } from '../src/deliveries/attempt.entity.js';
import { parseRetryAfter } from '../src/policy/retry-schedule.js';
import type { NetworkPolicy } from '../src/policy/network-policy.js';
import { policedConnector } from './policed-connector.js';
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
 * network policy (literal IPs and resolved addresses, pinned).
 */
export function createHttpAgent(policy: NetworkPolicy): Agent {
  return new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1, connect: policedConnector(policy) });
}

export function blockedResult(message: string): PostResult {
  return { statusCode: null, responseBody: null, retryAfterSeconds: null, errorType: 'blocked', errorMessage: message, durationMs: 0 };
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA']);

/** Maps a failed request to the error types of the API; the message never contains request data. */
export function classifyRequestError(err: unknown): { type: AttemptErrorType; message: string } {
  const e = err as { name?: string; code?: string; message?: string; cause?: unknown };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? '';
  const message = e.message || code || 'request failed';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return { type: 'timeout', message: 'no answer within the timeout' };
  }
  if (code === 'ERR_BLOCKED_TARGET') return { type: 'blocked', message };
  if (DNS_CODES.has(code)) return { type: 'dns', message };
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return { type: 'tls', message };
  if (err instanceof undiciErrors.UndiciError || /^E[A-Z]+/.test(code)) return { type: 'connection', message };
  return { type: 'internal', message };
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

/** POSTs one signed request: per-attempt timeout, no redirects, answer capped at 4 KiB. Never throws. */
export async function postRequest(
  dispatcher: Dispatcher,
  req: SignedRequest,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await request(req.url, {
      method: 'POST',
      body: req.body,
      headers: req.headers,
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
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
      errorMessage: isRedirect ? `redirects are not followed (location: ${String(res.headers['location'] ?? '')})` : null,
      durationMs: elapsed(),
    };
  } catch (err) {
    const { type, message } = classifyRequestError(err);
    return { statusCode: null, responseBody: null, retryAfterSeconds: null, errorType: type, errorMessage: message, durationMs: elapsed() };
  }
}
