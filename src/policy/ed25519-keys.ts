import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/**
 * Standard Webhooks' asymmetric keys: `whsk_` + base64 of the 32-byte Ed25519 seed and the 32-byte public key
 * (kept sealed, never shown), `whpk_` + base64 of the public key (given to receivers, readable at any time).
 */
export interface Ed25519KeyPair {
  secretKey: string;
  publicKey: string;
}

const SECRET_PREFIX = 'whsk_';
const PUBLIC_PREFIX = 'whpk_';

export function newEd25519KeyPair(): Ed25519KeyPair {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d!, 'base64url');
  const publicKey = Buffer.from(jwk.x!, 'base64url');
  return {
    secretKey: SECRET_PREFIX + Buffer.concat([seed, publicKey]).toString('base64'),
    publicKey: PUBLIC_PREFIX + publicKey.toString('base64'),
  };
}

export const isEd25519SecretKey = (key: string) => key.startsWith(SECRET_PREFIX);

/** Keys parsed by secret: a worker signs with the same few subscriptions' keys over and over. */
const parsed = new Map<string, KeyObject>();
const PARSED_MAX = 1000;

function privateKeyOf(secretKey: string): KeyObject {
  let key = parsed.get(secretKey);
  if (!key) {
    const raw = Buffer.from(secretKey.slice(SECRET_PREFIX.length), 'base64');
    if (!isEd25519SecretKey(secretKey) || raw.length !== 64) throw new Error('not an ed25519 signing key (whsk_)');
    const jwk = { kty: 'OKP', crv: 'Ed25519', d: raw.subarray(0, 32).toString('base64url'), x: raw.subarray(32).toString('base64url') };
    key = createPrivateKey({ key: jwk, format: 'jwk' });
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(secretKey, key);
  }
  return key;
}

/** Standard Webhooks `v1a`: the Ed25519 signature of `{msgId}.{timestamp}.{body}`, base64. */
export function signV1a(secretKey: string, msgId: string, timestampSeconds: number, body: string): string {
  return 'v1a,' + sign(null, Buffer.from(`${msgId}.${timestampSeconds}.${body}`, 'utf8'), privateKeyOf(secretKey)).toString('base64');
}
