import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { PortalTokens, type PortalClaims } from '../../src/portal-sessions/portal-token.js';

const key = () => randomBytes(32).toString('hex');
const claims = (exp: number): PortalClaims => ({ sid: 'ps_1', tid: 'ten_1', kid: 'key_1', ro: true, exp });
const env = (extra: Record<string, string>) => ({ TEMPORAL_ADDRESS: 'x:7233', SECRETS_KEY: 'a'.repeat(64), DATA_DIR: '/tmp', ...extra });

describe('portal tokens (HMAC-SHA256, key derived from SECRETS_KEY)', () => {
  it('verifies what it signed, until the expiry', () => {
    let now = 1_000;
    const tokens = new PortalTokens(key(), [], () => now);
    const token = tokens.sign(claims(2_000));
    assert.match(token, /^hrp_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(tokens.verify(token), { ok: true, claims: claims(2_000) });
    now = 2_000;
    assert.deepEqual(tokens.verify(token), { ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, changed claims, or a changed spelling of the signature', () => {
    const secrets = key();
    const tokens = new PortalTokens(secrets);
    const token = tokens.sign(claims(Date.now() + 60_000));
    assert.deepEqual(new PortalTokens(key()).verify(token), { ok: false, reason: 'invalid' });
    const [body, signature] = token.split('.');
    const forged = 'hrp_' + Buffer.from(JSON.stringify({ ...claims(Date.now() + 60_000), ro: false })).toString('base64url');
    for (const bad of [`${forged}.${signature}`, `${body}.${signature}A`, `${body}.${signature}=`, `${body}.`, body, `x${token}`]) {
      assert.deepEqual(tokens.verify(bad), { ok: false, reason: 'invalid' }, bad);
    }
    // The token key is derived, not the secrets key itself: an HMAC keyed by SECRETS_KEY directly does not verify.
    const raw = createHmac('sha256', Buffer.from(secrets, 'hex')).update(body).digest('base64url');
    assert.deepEqual(tokens.verify(`${body}.${raw}`), { ok: false, reason: 'invalid' });
  });

  it('keeps verifying tokens of a previous SECRETS_KEY after a rotation', () => {
    const old = key();
    const token = new PortalTokens(old).sign(claims(Date.now() + 60_000));
    assert.equal(new PortalTokens(key(), [old]).verify(token).ok, true);
    assert.equal(new PortalTokens(key()).verify(token).ok, false);
  });
});

describe('portal configuration', () => {
  it('reads PORTAL_FRAME_ANCESTORS as a CSP source list, refusing anything else', () => {
    assert.equal(loadConfig(env({})).portalFrameAncestors, "'none'");
    assert.equal(loadConfig(env({ PORTAL_FRAME_ANCESTORS: '' })).portalFrameAncestors, "'none'");
    assert.equal(
      loadConfig(env({ PORTAL_FRAME_ANCESTORS: "https://app.example.com, https://*.example.org:8443 'self'" })).portalFrameAncestors,
      "https://app.example.com https://*.example.org:8443 'self'",
    );
    for (const bad of [
      '*',
      "https://a.example.com; script-src 'unsafe-inline'",
      'app.example.com',
      "'none' https://a.example.com",
      'javascript:x',
    ]) {
      assert.throws(() => loadConfig(env({ PORTAL_FRAME_ANCESTORS: bad })), /PORTAL_FRAME_ANCESTORS/, bad);
    }
  });

  it('reads PUBLIC_URL without its trailing slash', () => {
    assert.equal(loadConfig(env({})).publicUrl, undefined);
    assert.equal(loadConfig(env({ PUBLIC_URL: 'https://hooks.example.com/' })).publicUrl, 'https://hooks.example.com');
    assert.throws(() => loadConfig(env({ PUBLIC_URL: 'ftp://x' })), /PUBLIC_URL/);
  });
});
