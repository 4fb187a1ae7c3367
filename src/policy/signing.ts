import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signV1a } from './ed25519-keys.js';

export const SIGNATURE_SCHEMES = ['standard-webhooks', 'ed25519', 'hmac-sha256', 'hmac-sha1'] as const;
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

export const DEFAULT_SIGNATURE_HEADERS: Record<SignatureScheme, string> = {
  'standard-webhooks': 'webhook-signature',
  ed25519: 'webhook-signature',
  'hmac-sha256': 'x-webhook-signature-256',
  'hmac-sha1': 'x-webhook-signature',
};

/** Sent with a timestamped legacy HMAC: the seconds that signature covers, equal to `webhook-timestamp`. */
export const TIMESTAMP_HEADER = 'x-webhook-timestamp';

export interface SignInput {
  scheme: SignatureScheme;
  /** Header name override; ignored for standard-webhooks, whose header is fixed by the spec. */
  header?: string | null;
  /**
   * Legacy HMAC schemes only: sign `{timestamp}.{body}` (Stripe's way) so that a captured request cannot be
   * replayed later. Off by default: existing receivers check the body alone. standard-webhooks always signs it.
   */
  timestamped?: boolean;
  /** Current secret first; a rotation grace adds the previous one. For ed25519, the `whsk_` signing keys. */
  secrets: string[];
  msgId: string;
  timestampSeconds: number;
  body: string;
}

/** Standard Webhooks' schemes (HMAC `v1`, Ed25519 `v1a`): their header is fixed by the spec. */
export const isStandardScheme = (scheme: SignatureScheme) => scheme === 'standard-webhooks' || scheme === 'ed25519';

/** The header a scheme signs in: Standard Webhooks' is fixed by the spec, the others may be renamed. */
export function signatureHeaderName(scheme: SignatureScheme, override?: string | null): string {
  return isStandardScheme(scheme) ? DEFAULT_SIGNATURE_HEADERS[scheme] : (override ?? DEFAULT_SIGNATURE_HEADERS[scheme]).toLowerCase();
}

/** The signature header for one request, by the subscription's scheme. Pure: same input, same bytes. */
export function signatureHeader(input: SignInput): [name: string, value: string] {
  const { scheme, secrets, body } = input;
  if (scheme === 'ed25519') {
    const value = secrets.map((key) => signV1a(key, input.msgId, input.timestampSeconds, body)).join(' ');
    return [signatureHeaderName(scheme), value];
  }
  if (scheme === 'standard-webhooks') {
    const at = new Date(input.timestampSeconds * 1000);
    const value = secrets.map((s) => new Webhook(s).sign(input.msgId, at, body)).join(' ');
    return [signatureHeaderName(scheme), value];
  }
  const algorithm = scheme === 'hmac-sha256' ? 'sha256' : 'sha1';
  const signed = input.timestamped ? `${input.timestampSeconds}.${body}` : body;
  const value = secrets.map((s) => `${algorithm}=${createHmac(algorithm, Buffer.from(s, 'utf8')).update(signed).digest('hex')}`).join(' ');
  return [signatureHeaderName(scheme, input.header), value];
}
