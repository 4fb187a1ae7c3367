import { createHash } from 'node:crypto';

/** One Ed25519 public key as a JWK (RFC 8037), for verifying Standard Webhooks `v1a` signatures. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

export interface JwkSet {
  keys: Ed25519Jwk[];
}

const PUBLIC_PREFIX = 'whpk_';

/**
 * RFC 7638 thumbprint: base64url SHA-256 of the required members in lexicographic order, no whitespace. Anyone
 * holding the key can compute it (jose's `calculateJwkThumbprint`), and it never changes while the key does not.
 */
export function jwkThumbprint(x: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** A `whpk_` key as a JWK whose `kid` is its thumbprint. */
export function ed25519Jwk(publicKey: string): Ed25519Jwk {
  const raw = Buffer.from(publicKey.slice(PUBLIC_PREFIX.length), 'base64');
  if (!publicKey.startsWith(PUBLIC_PREFIX) || raw.length !== 32) throw new Error('not an ed25519 public key (whpk_)');
  const x = raw.toString('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x, kid: jwkThumbprint(x), use: 'sig', alg: 'EdDSA' };
}

export interface SigningKeys {
  /** `null` for the shared-secret schemes: nothing a receiver could verify with in public. */
  publicKey: string | null;
  previousPublicKey: string | null;
  previousExpiresAt: Date | null;
}

/**
 * The keys a receiver may meet in a `v1a` signature now: the current one, then the previous one while a rotation
 * grace runs. Empty when the subscription signs with a shared secret.
 */
export function jwkSetOf(keys: SigningKeys, now: Date): JwkSet {
  if (keys.publicKey === null) return { keys: [] };
  const previous = previousKeyInGrace(keys, now);
  return { keys: [keys.publicKey, ...(previous ? [previous.publicKey] : [])].map(ed25519Jwk) };
}

/** The previous public key while its rotation grace runs (receivers may still meet it), else null. */
export function previousKeyInGrace(keys: SigningKeys, now: Date): { publicKey: string; expiresAt: Date } | null {
  const { previousPublicKey, previousExpiresAt } = keys;
  if (previousPublicKey === null || previousExpiresAt === null || previousExpiresAt <= now) return null;
  return { publicKey: previousPublicKey, expiresAt: previousExpiresAt };
}
