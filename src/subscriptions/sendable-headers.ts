import { z } from 'zod';
import type { FieldError } from '../common/errors.js';
import { signatureHeaderName } from '../policy/signing.js';
import type { SignatureScheme } from '../policy/signing.js';

/**
 * What a subscription may put in a request's headers. Anything accepted here must be sendable on every attempt:
 * a value undici refuses, or a header it or the service controls, would fail every attempt or be silently
 * replaced, so it is refused when the subscription is written instead.
 */

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

/**
 * Visible ASCII, spaces and tabs. Stricter than undici (which passes Latin-1 bytes through as they are): a
 * receiver's reading of anything beyond ASCII is a guess, and U+2028 and the like cannot be sent at all.
 */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const HEADER_VALUE_RULE = 'must be visible ASCII characters, spaces or tabs (no line breaks or control characters)';

/**
 * Headers the service sets on every attempt, and hop-by-hop headers that the HTTP client owns (undici refuses
 * several outright) or that would change how the connection behaves rather than what the receiver reads.
 */
const RESERVED_HEADERS =
  /^(host|content-type|content-length|transfer-encoding|connection|keep-alive|proxy-connection|upgrade|expect|te|trailer|user-agent|webhook-.*)$/i;

/** Headers that carry credentials: a signature written there would replace the configured auth. */
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization)$/i;

export const headerName = z
  .string()
  .regex(HEADER_NAME, 'must be an HTTP header name')
  .refine((n) => !RESERVED_HEADERS.test(n), 'is set by the service or its HTTP client and cannot be set here');

export const headerValue = z.string().max(4096).regex(HEADER_VALUE, HEADER_VALUE_RULE);

export const signatureHeaderOverride = headerName.refine(
  (n) => !CREDENTIAL_HEADERS.test(n),
  'would replace the credentials of `auth`; choose another header',
);

/** A bearer token travels as `Authorization: Bearer <token>`, so it obeys the header value rule. */
export const bearerToken = z.string().min(1).max(4096).regex(HEADER_VALUE, HEADER_VALUE_RULE);

/** The header-related settings of a subscription as they would be after a write. */
export interface HeaderSettings {
  /** Only the names count here. */
  headers: Record<string, unknown>;
  hasAuth: boolean;
  scheme: SignatureScheme;
  signatureHeader: string | null;
}

/** Which of the settings this request sets: a collision is reported on the field the request changes. */
export interface RequestedSettings {
  headers: boolean;
  auth: boolean;
  signature: boolean;
}

/**
 * Custom headers that `auth` or the signature would silently replace. Each field alone is valid; together
 * they would not send what was configured.
 */
export function headerCollisions(s: HeaderSettings, requested: RequestedSettings): FieldError[] {
  // A collision stored before these rules is not this request's doing.
  if (!requested.headers && !requested.auth && !requested.signature) return [];
  const errors: FieldError[] = [];
  const names = Object.keys(s.headers);
  const authorization = names.find((n) => n.toLowerCase() === 'authorization');
  if (s.hasAuth && authorization !== undefined) {
    errors.push(
      requested.headers
        ? { field: `headers.${authorization}`, message: 'would be replaced by `auth`; set one or the other' }
        : { field: 'auth', message: `would replace the subscription's ${authorization} header; remove that header first` },
    );
  }
  const signature = signatureHeaderName(s.scheme, s.signatureHeader);
  const shadowed = names.find((n) => n.toLowerCase() === signature);
  if (shadowed !== undefined) {
    const field =
      requested.signature && s.signatureHeader !== null
        ? 'signature.header'
        : requested.headers
          ? `headers.${shadowed}`
          : 'signature.scheme';
    errors.push({ field, message: `collides with the signature header ${signature}, which would replace the custom header` });
  }
  return errors;
}
