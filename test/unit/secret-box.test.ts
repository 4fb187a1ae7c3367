import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { SecretBox } from '../../src/secrets/secret-box.js';
import { maskedHeaders, openSecrets, sealHeaders, sealSecrets } from '../../src/secrets/subscription-secrets.js';

const key = () => randomBytes(32).toString('hex');

describe('secrets at rest (AES-256-GCM)', () => {
  it('seals and opens, never the same ciphertext twice, never containing the clear text', () => {
    const box = new SecretBox(key());
    const a = box.seal('whsec_topsecret');
    const b = box.seal('whsec_topsecret');
    assert.notEqual(a, b);
    assert.ok(!a.includes('topsecret'));
    assert.equal(box.open(a), 'whsec_topsecret');
  });

  it('refuses tampered values and unknown keys', () => {
    const box = new SecretBox(key());
    const sealed = box.seal('value');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    assert.throws(() => box.open(parts.join('.')));
    assert.throws(() => new SecretBox(key()).open(sealed), /SECRETS_KEY/);
  });

  it('opens values of a previous key after rotation, and reseals with the new one', () => {
    const oldKey = key();
    const sealed = new SecretBox(oldKey).seal('s3cret');
    const rotated = new SecretBox(key(), [oldKey]);
    assert.equal(rotated.open(sealed), 's3cret');
    const resealed = rotated.seal(rotated.open(sealed));
    assert.throws(() => new SecretBox(oldKey).open(resealed));
  });

  it('seals a subscription’s secret, auth and sensitive headers only', () => {
    const box = new SecretBox(key());
    const plain = {
      secret: 'whsec_x',
      previousSecret: null,
      auth: { type: 'basic' as const, username: 'user', password: 'pw' },
      headers: { 'x-api-key': 'k', 'x-team': 'payments', Authorization: 'Bearer t' },
    };
    const sealed = { ...sealSecrets(box, plain), headers: sealHeaders(box, plain.headers) };
    assert.ok(sealed.secret.startsWith('v1.'));
    assert.equal(sealed.auth.username, 'user');
    assert.ok((sealed.auth as { password: string }).password.startsWith('v1.'));
    assert.equal(sealed.headers['x-team'], 'payments');
    assert.ok(sealed.headers['x-api-key'].startsWith('v1.') && sealed.headers['Authorization'].startsWith('v1.'));
    assert.deepEqual(openSecrets(box, sealed), plain);
  });

  it('treats any header named like a credential, or marked secret, as one; leaves the others plain', () => {
    const box = new SecretBox(key());
    const names = [
      'token',
      'apikey',
      'api_key',
      'api-key',
      'secret',
      'password',
      'x-auth',
      'x-apikey',
      'x-session-id',
      'cookie',
      'x-signature',
    ];
    const sealed = sealHeaders(box, {
      ...Object.fromEntries(names.map((n) => [n, `v-${n}`])),
      'x-partner': { value: 'marked', secret: true },
      'x-team': 'payments',
    });
    for (const n of [...names, 'x-partner']) assert.ok(SecretBox.isSealed(sealed[n]), n);
    assert.equal(sealed['x-team'], 'payments');
    const masked = maskedHeaders(sealed);
    for (const n of [...names, 'x-partner']) assert.equal(masked[n], '****', n);
    assert.equal(masked['x-team'], 'payments');
    assert.equal(openSecrets(box, { headers: sealed }).headers['x-partner'], 'marked');
    // A value stored in clear before the rule covered its name is masked in reads and sent as stored.
    assert.equal(maskedHeaders({ 'x-apikey': 'legacy' })['x-apikey'], '****');
    assert.equal(openSecrets(box, { headers: { 'x-apikey': 'legacy' } }).headers['x-apikey'], 'legacy');
  });
});
