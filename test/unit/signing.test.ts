import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { signatureHeader } from '../../src/policy/signing.js';

const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('signing', () => {
  it('matches the Standard Webhooks published test vector', () => {
    const [name, value] = signatureHeader({
      scheme: 'standard-webhooks',
      secrets: [VECTOR.secret],
      msgId: VECTOR.msgId,
      timestampSeconds: VECTOR.timestamp,
      body: VECTOR.body,
    });
    assert.equal(name, 'webhook-signature');
    assert.equal(value, VECTOR.signature);
  });

  it('produces signatures the standardwebhooks and svix libraries verify', () => {
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ id: 'evt_1', type: 'job.created', data: { n: 1, s: 'ünïcode' } });
    const [, value] = signatureHeader({ scheme: 'standard-webhooks', secrets: [VECTOR.secret], msgId: 'evt_1', timestampSeconds: now, body });
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(now), 'webhook-signature': value };
    assert.deepEqual(new Webhook(VECTOR.secret).verify(body, headers), JSON.parse(body));
    const svixHeaders = { 'svix-id': 'evt_1', 'svix-timestamp': String(now), 'svix-signature': value };
    assert.deepEqual(new SvixWebhook(VECTOR.secret).verify(body, svixHeaders), JSON.parse(body));
    assert.throws(() => new Webhook(VECTOR.secret).verify(body + ' ', headers));
  });

  it('sends one entry per secret during a rotation grace, and either secret verifies', () => {
    const other = 'whsec_' + Buffer.from('another-secret-of-32-bytes-long!').toString('base64');
    const now = Math.floor(Date.now() / 1000);
    const [, value] = signatureHeader({ scheme: 'standard-webhooks', secrets: [other, VECTOR.secret], msgId: 'evt_2', timestampSeconds: now, body: '{}' });
    assert.equal(value.split(' ').length, 2);
    const headers = { 'webhook-id': 'evt_2', 'webhook-timestamp': String(now), 'webhook-signature': value };
    new Webhook(other).verify('{}', headers);
    new Webhook(VECTOR.secret).verify('{}', headers);
  });

  it('signs hmac-sha256 and hmac-sha1 over the body, keyed by the whole secret', () => {
    const body = '{"a":1}';
    const secret = 'whsec_abc';
    const [h256, v256] = signatureHeader({ scheme: 'hmac-sha256', secrets: [secret], msgId: 'x', timestampSeconds: 1, body });
    assert.equal(h256, 'x-webhook-signature-256');
    assert.equal(v256, 'sha256=' + createHmac('sha256', secret).update(body).digest('hex'));
    const [h1, v1] = signatureHeader({ scheme: 'hmac-sha1', header: 'X-Hub-Signature', secrets: [secret], msgId: 'x', timestampSeconds: 1, body });
    assert.equal(h1, 'x-hub-signature');
    assert.equal(v1, 'sha1=' + createHmac('sha1', secret).update(body).digest('hex'));
  });
});
