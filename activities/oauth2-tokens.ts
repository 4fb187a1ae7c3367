import { createHash } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { urlRefusal, type NetworkPolicy } from '../src/policy/network-policy.js';
import type { OAuth2Auth } from '../src/subscriptions/subscription.entity.js';
import { classifyRequestError, quoted } from './request-errors.js';
import { storableText, unsent, type PostResult } from './post.js';

/** How much of the token endpoint's answer is read: a token answer is small; anything longer is not one. */
const TOKEN_ANSWER_LIMIT = 64 * 1024;
/** The lifetime assumed when the answer names none (RFC 6749 5.1 leaves `expires_in` optional). */
const DEFAULT_LIFETIME_SECONDS = 300;
/** A token is dropped this much before its end (a tenth of a short lifetime), so none expires on its way. */
const EARLY_REFRESH_SECONDS = 60;
/** Subscriptions whose tokens a worker keeps; the least recently used is forgotten beyond. */
const CACHED_SUBSCRIPTIONS = 10_000;

/** The token endpoint failed: the attempt fails with error type `auth`, this message (never the secret). */
export class TokenError extends Error {
  override readonly name = 'TokenError';
}

interface CachedToken {
  fingerprint: string;
  token: string;
  /** performance.now() after which it is no longer used. */
  until: number;
}

/**
 * OAuth2 client-credentials tokens (RFC 6749 4.4), per subscription, in this worker's memory: one token serves
 * all attempts of its subscription until shortly before it expires (never another subscription's, even with the
 * same client). A changed auth setting (another client, secret or scope) is another fingerprint: a new token.
 * Concurrent attempts that find none share one request. Tokens are never written anywhere.
 */
export class OAuth2Tokens {
  private readonly cache = new Map<string, CachedToken>();
  private readonly pending = new Map<string, { fingerprint: string; token: Promise<CachedToken> }>();
  /** Token requests made (for tests and metrics). */
  requests = 0;

  constructor(
    private readonly http: Dispatcher,
    private readonly policy: NetworkPolicy,
  ) {}

  /** A token for the subscription: the cached one, or a new one. Throws TokenError. */
  async token(subscriptionId: string, auth: OAuth2Auth, timeoutMs: number): Promise<string> {
    const fingerprint = fingerprintOf(auth);
    const cached = this.cache.get(subscriptionId);
    if (cached && cached.fingerprint === fingerprint && cached.until > performance.now()) {
      this.cache.delete(subscriptionId);
      this.cache.set(subscriptionId, cached);
      return cached.token;
    }
    const inFlight = this.pending.get(subscriptionId);
    if (inFlight?.fingerprint === fingerprint) return (await inFlight.token).token;
    const token = this.fetch(auth, fingerprint, timeoutMs);
    this.pending.set(subscriptionId, { fingerprint, token });
    try {
      const fresh = await token;
      this.cache.delete(subscriptionId);
      this.cache.set(subscriptionId, fresh);
      if (this.cache.size > CACHED_SUBSCRIPTIONS) this.cache.delete(this.cache.keys().next().value!);
      return fresh.token;
    } finally {
      if (this.pending.get(subscriptionId)?.token === token) this.pending.delete(subscriptionId);
    }
  }

  /** The receiver refused `token` (a 401): it is not used again (a newer one another attempt got stays). */
  forget(subscriptionId: string, token: string): void {
    if (this.cache.get(subscriptionId)?.token === token) this.cache.delete(subscriptionId);
  }

  private async fetch(auth: OAuth2Auth, fingerprint: string, timeoutMs: number): Promise<CachedToken> {
    const endpoint = endpointName(auth.tokenUrl);
    const refusal = urlRefusal(this.policy, auth.tokenUrl);
    if (refusal) throw new TokenError(`the token endpoint ${endpoint} ${refusal}`);
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    if (auth.audience) form.set('audience', auth.audience);
    // client_secret_basic (RFC 6749 2.3.1), which every server must accept: each part form-encoded first.
    const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString('base64');
    this.requests++;
    const started = performance.now();
    let status: number;
    let text: string;
    try {
      const res = await request(auth.tokenUrl, {
        method: 'POST',
        dispatcher: this.http,
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      text = await readCapped(res.body);
    } catch (err) {
      const { type, message } = classifyRequestError(err);
      throw new TokenError(`the token endpoint ${endpoint} could not be reached (${type}): ${message}`);
    }
    const answer = parseJson(text);
    const said = scrub(quoted(storableText(text.trim())), auth.clientSecret);
    if (status < 200 || status >= 300) throw new TokenError(`the token endpoint ${endpoint} answered ${status}: ${said}`);
    const token = answer?.['access_token'];
    if (typeof token !== 'string' || token === '')
      throw new TokenError(`the token endpoint ${endpoint} answered ${status} without an access_token`);
    const type = answer?.['token_type'];
    if (typeof type === 'string' && type.toLowerCase() !== 'bearer')
      throw new TokenError(`the token endpoint ${endpoint} gave a ${quoted(type, 40)} token; only bearer tokens are sent`);
    const expiresIn = Number(answer?.['expires_in']);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_SECONDS;
    const early = Math.min(EARLY_REFRESH_SECONDS, lifetime / 10);
    return { fingerprint, token, until: started + (lifetime - early) * 1000 };
  }
}

/** The token endpoint as messages name it: its origin and path, never a query (which could hold anything). */
const endpointName = (url: string) => {
  try {
    const u = new URL(url);
    return quoted(`${u.origin}${u.pathname}`);
  } catch {
    return '(an invalid URL)';
  }
};

const fingerprintOf = (auth: OAuth2Auth) =>
  createHash('sha256')
    .update(JSON.stringify([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.scope ?? null, auth.audience ?? null]))
    .digest('hex');

/** An answer that echoes the secret does not carry it into the attempt's message. */
const scrub = (text: string, secret: string) => (secret ? text.split(secret).join('****') : text);

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= TOKEN_ANSWER_LIMIT) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, TOKEN_ANSWER_LIMIT).toString('utf8');
}

/**
 * Sends an attempt with its subscription's OAuth2 token (when its auth is oauth2): a token that cannot be had
 * fails the attempt with error `auth` and sends nothing; a `401` with a cached token gets one new token and
 * one more request, within the same attempt.
 */
export async function withOAuth2Token(
  tokens: OAuth2Tokens,
  ctx: { subscriptionId: string; auth: { type: string } | null; timeoutMs: number },
  send: (authorization?: string) => Promise<PostResult>,
): Promise<PostResult> {
  if (ctx.auth?.type !== 'oauth2') return send();
  const auth = ctx.auth as OAuth2Auth;
  const started = performance.now();
  const failed = (err: unknown): PostResult => {
    if (!(err instanceof TokenError)) throw err;
    return { ...unsent('auth', err.message), durationMs: Math.round(performance.now() - started) };
  };
  let token: string;
  try {
    token = await tokens.token(ctx.subscriptionId, auth, ctx.timeoutMs);
  } catch (err) {
    return failed(err);
  }
  const first = await send(`Bearer ${token}`);
  if (first.statusCode !== 401) return first;
  tokens.forget(ctx.subscriptionId, token);
  try {
    token = await tokens.token(ctx.subscriptionId, auth, ctx.timeoutMs);
  } catch (err) {
    return failed(err);
  }
  return send(`Bearer ${token}`);
}
