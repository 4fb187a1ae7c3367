import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tells a portal token from an API key (`whk_...`) at a glance, before any lookup. */
export const PORTAL_TOKEN_PREFIX = 'hrp_';

/** What a portal token says; signed, not secret (the console reads `readOnly` and `expiresAt` from it). */
export interface PortalClaims {
  /** The session's id (`ps_...`), for logs and the rate limit. */
  sid: string;
  /** The tenant it acts for. */
  tid: string;
  /** The API key that made it: revoking that key ends the session. */
  kid: string;
  /** Read-only: GETs only. */
  ro: boolean;
  /** Made with ADMIN_API_KEY: a fingerprint of that key (see PortalTokens.adminFingerprint), so a new one ends the link. */
  akf?: string;
  /** Expiry, Unix milliseconds. */
  exp: number;
}

export type Verified = { ok: true; claims: PortalClaims } | { ok: false; reason: 'invalid' | 'expired' };

const HKDF_INFO = 'hookrelay portal session token v1';

/** A key of its own for tokens, derived from a secrets key: sealing secrets and signing tokens never share one. */
const deriveKey = (secretsKeyHex: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secretsKeyHex, 'hex'), Buffer.alloc(0), HKDF_INFO, 32));

export const newPortalSessionId = () => `ps_${randomBytes(12).toString('base64url')}`;

const isClaims = (v: unknown): v is PortalClaims => {
  const c = v as Partial<PortalClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sid === 'string' &&
    typeof c.tid === 'string' &&
    typeof c.kid === 'string' &&
    typeof c.ro === 'boolean' &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp) &&
    (c.akf === undefined || typeof c.akf === 'string')
  );
};

/**
 * Stateless portal tokens: `hrp_<base64url JSON claims>.<base64url HMAC-SHA256>`, keyed by HKDF(SECRETS_KEY).
 * Tokens signed with a previous SECRETS_KEY still verify, so a key rotation does not end open sessions early.
 */
export class PortalTokens {
  private readonly signing: Buffer;
  private readonly verifying: Buffer[];

  constructor(
    secretsKeyHex: string,
    previousKeysHex: string[] = [],
    private readonly now: () => number = Date.now,
  ) {
    this.signing = deriveKey(secretsKeyHex);
    this.verifying = [this.signing, ...previousKeysHex.map(deriveKey)];
  }

  sign(claims: PortalClaims): string {
    const body = PORTAL_TOKEN_PREFIX + Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(this.signing, body).toString('base64url')}`;
  }

  verify(token: string): Verified {
    const dot = token.lastIndexOf('.');
    if (!token.startsWith(PORTAL_TOKEN_PREFIX) || dot < 0) return { ok: false, reason: 'invalid' };
    const body = token.slice(0, dot);
    // Compared as text, not decoded: Node's base64 decoder skips stray characters, so a changed spelling of the
    // same signature must not pass. Constant time per key; the claims are parsed only once signed.
    const given = Buffer.from(token.slice(dot + 1));
    const signed = this.verifying.some((key) => {
      const expected = Buffer.from(this.mac(key, body).toString('base64url'));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!signed) return { ok: false, reason: 'invalid' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body.slice(PORTAL_TOKEN_PREFIX.length), 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (!isClaims(claims)) return { ok: false, reason: 'invalid' };
    if (claims.exp <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /**
   * Names ADMIN_API_KEY inside a token without revealing it (the claims are readable): an HMAC under the token key,
   * so it cannot be checked against guesses without SECRETS_KEY.
   */
  adminFingerprint(adminApiKey: string): string {
    return this.mac(this.signing, `admin-key:${adminApiKey}`).subarray(0, 16).toString('base64url');
  }

  /** Whether `fingerprint` names `adminApiKey` (under the current or a previous token key); constant time. */
  isAdminFingerprint(fingerprint: string, adminApiKey: string): boolean {
    const given = Buffer.from(fingerprint);
    return this.verifying.some((key) => {
      const expected = Buffer.from(this.mac(key, `admin-key:${adminApiKey}`).subarray(0, 16).toString('base64url'));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  private mac(key: Buffer, body: string): Buffer {
    return createHmac('sha256', key).update(body).digest();
  }
}

export const isPortalToken = (token: string) => token.startsWith(PORTAL_TOKEN_PREFIX);
