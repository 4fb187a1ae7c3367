import { errors as undiciErrors } from 'undici';
import type { AttemptErrorType } from '../src/policy/outcome.js';

/** How much of anything a receiver chose (a redirect's Location, a parser's complaint) goes into a message. */
export const QUOTED_LIMIT = 200;

/** Cuts receiver-chosen text to `limit` characters, marking the cut. */
export const quoted = (text: string, limit = QUOTED_LIMIT) => (text.length > limit ? text.slice(0, limit) + '…' : text);

/**
 * Informational (1xx) answers a receiver may send before its final one. Each is parsed and refreshes the
 * headers timeout, so a receiver streaming them would hold the attempt and burn CPU until the overall timeout.
 */
export const MAX_INFORMATIONAL_RESPONSES = 10;

/** Ends an attempt whose receiver sent more informational answers than allowed. */
export class TooManyInformationalResponses extends Error {
  override readonly name = 'TooManyInformationalResponses';
  constructor() {
    super(`too many informational (1xx) responses: more than ${MAX_INFORMATIONAL_RESPONSES} before the final answer`);
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA']);

/**
 * Maps a failed request to the error types of the API; the message never contains request data.
 * A receiver that breaks HTTP (garbage status line, invalid headers, a flood of 1xx) is a `connection` error:
 * like a reset, the exchange failed on the wire, and the message says how.
 */
export function classifyRequestError(err: unknown, tlsRefusal: string | null = null): { type: AttemptErrorType; message: string } {
  const e = err as { name?: string; code?: string; message?: string; cause?: unknown };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? '';
  const message = quoted(e.message || code || 'request failed');
  // Before the abort check: this error ends the request through its abort signal.
  if (err instanceof TooManyInformationalResponses) return { type: 'connection', message };
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || TIMEOUT_CODES.has(code)) {
    return { type: 'timeout', message: 'no answer within the timeout' };
  }
  if (code === 'ERR_BLOCKED_TARGET') return { type: 'blocked', message };
  if (DNS_CODES.has(code)) return { type: 'dns', message };
  // The connection closed on a TLS refusal its socket saw (tls-refusals.ts): undici only says `other side closed`.
  if (tlsRefusal && code === 'UND_ERR_SOCKET') return { type: 'tls', message: quoted(tlsRefusal) };
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return { type: 'tls', message };
  // The answer was not HTTP/1.1 (status line, header syntax). The parser's `data` holds the receiver's bytes: left out.
  if (err instanceof undiciErrors.HTTPParserError) return { type: 'connection', message: `invalid HTTP answer: ${message}` };
  if (err instanceof undiciErrors.UndiciError || /^E[A-Z]+/.test(code)) return { type: 'connection', message };
  return { type: 'internal', message };
}
