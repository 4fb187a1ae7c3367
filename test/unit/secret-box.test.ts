import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { SecretBox } from '../../src/secrets/secret-box.js';
import { openSecrets, sealSecrets } from '../../src/secrets/subscription-secrets.js';

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
    const sealed = sealSecrets(box, plain);
    assert.ok(sealed.secret.startsWith('v1.'));
    assert.equal(sealed.auth.username, 'user');
    assert.ok((sealed.auth as { password: string }).password.startsWith('v1.'));
    assert.equal(sealed.headers['x-team'], 'payments');
    assert.ok(sealed.headers['x-api-key'].startsWith('v1.') && sealed.headers['Authorization'].startsWith('v1.'));
    assert.deepEqual(openSecrets(box, sealed), plain);
  });
});
