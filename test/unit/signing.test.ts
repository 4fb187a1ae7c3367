import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { signatureHeader } from '../../src/policy/signing.js';
import type { DeliveryContext } from '../../activities/delivery-context.js';
import { signRequest } from '../../activities/sign.js';

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
    const [, value] = signatureHeader({
      scheme: 'standard-webhooks',
      secrets: [VECTOR.secret],
      msgId: 'evt_1',
      timestampSeconds: now,
      body,
    });
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(now), 'webhook-signature': value };
    assert.deepEqual(new Webhook(VECTOR.secret).verify(body, headers), JSON.parse(body));
    const svixHeaders = { 'svix-id': 'evt_1', 'svix-timestamp': String(now), 'svix-signature': value };
    assert.deepEqual(new SvixWebhook(VECTOR.secret).verify(body, svixHeaders), JSON.parse(body));
    assert.throws(() => new Webhook(VECTOR.secret).verify(body + ' ', headers));
  });

  it('sends one entry per secret during a rotation grace, and either secret verifies', () => {
    const other = 'whsec_' + Buffer.from('another-secret-of-32-bytes-long!').toString('base64');
    const now = Math.floor(Date.now() / 1000);
    const [, value] = signatureHeader({
      scheme: 'standard-webhooks',
      secrets: [other, VECTOR.secret],
      msgId: 'evt_2',
      timestampSeconds: now,
      body: '{}',
    });
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
    const [h1, v1] = signatureHeader({
      scheme: 'hmac-sha1',
      header: 'X-Hub-Signature',
      secrets: [secret],
      msgId: 'x',
      timestampSeconds: 1,
      body,
    });
    assert.equal(h1, 'x-hub-signature');
    assert.equal(v1, 'sha1=' + createHmac('sha1', secret).update(body).digest('hex'));
  });

  it('leaves the untimestamped legacy signatures byte for byte as before', () => {
    // Pinned with `printf '{"a":1}' | openssl dgst -sha256 -hmac whsec_abc` (and -sha1): receivers rely on these bytes.
    const base = { secrets: ['whsec_abc'], msgId: 'x', timestampSeconds: 1_700_000_000, body: '{"a":1}' };
    for (const timestamped of [undefined, false]) {
      assert.deepEqual(signatureHeader({ ...base, scheme: 'hmac-sha256', timestamped }), [
        'x-webhook-signature-256',
        'sha256=359ab2775fc376b1a8dee20a432572581b7d5b4e2c3a4e3ff657ed6713fa7eeb',
      ]);
      assert.deepEqual(signatureHeader({ ...base, scheme: 'hmac-sha1', timestamped }), [
        'x-webhook-signature',
        'sha1=7c72db64dc6ab05c89954c808fb6848f0aadb3b1',
      ]);
    }
  });

  it('signs "{timestamp}.{body}" when timestamped, so the signature binds the time of the attempt', () => {
    const body = '{"a":1}';
    const secret = 'whsec_abc';
    const ts = 1_700_000_000;
    const expected = (algorithm: string, key: string) =>
      createHmac(algorithm, Buffer.from(key, 'utf8')).update(`${ts}.${body}`).digest('hex');
    const [h256, v256] = signatureHeader({
      scheme: 'hmac-sha256',
      timestamped: true,
      secrets: [secret],
      msgId: 'x',
      timestampSeconds: ts,
      body,
    });
    assert.equal(h256, 'x-webhook-signature-256');
    assert.equal(v256, 'sha256=' + expected('sha256', secret));
    const [h1, v1] = signatureHeader({
      scheme: 'hmac-sha1',
      header: 'X-Hub-Signature',
      timestamped: true,
      secrets: [secret],
      msgId: 'x',
      timestampSeconds: ts,
      body,
    });
    assert.equal(h1, 'x-hub-signature');
    assert.equal(v1, 'sha1=' + expected('sha1', secret));
    // Another timestamp gives another signature: a captured request cannot be re-sent as a later one.
    const [, later] = signatureHeader({
      scheme: 'hmac-sha256',
      timestamped: true,
      secrets: [secret],
      msgId: 'x',
      timestampSeconds: ts + 600,
      body,
    });
    assert.notEqual(later, v256);
  });

  it('sends one timestamped sha256= entry per secret during a rotation grace', () => {
    const ts = 1_700_000_000;
    const body = '{"b":2}';
    const [, value] = signatureHeader({
      scheme: 'hmac-sha256',
      timestamped: true,
      secrets: ['whsec_new', 'whsec_old'],
      msgId: 'x',
      timestampSeconds: ts,
      body,
    });
    const mac = (key: string) => 'sha256=' + createHmac('sha256', key).update(`${ts}.${body}`).digest('hex');
    assert.equal(value, `${mac('whsec_new')} ${mac('whsec_old')}`);
  });

  describe('the request of one attempt', () => {
    const context = (over: Partial<DeliveryContext>) =>
      ({
        eventId: 'evt_1',
        eventType: 'job.created',
        eventDataText: '{"n":1}',
        occurredAt: new Date('2026-11-25T10:00:00.000Z'),
        account: 'default',
        url: 'https://example.com/hooks',
        headers: { 'x-webhook-timestamp': 'from the subscription' },
        auth: null,
        signatureScheme: 'hmac-sha256',
        signatureHeader: null,
        signatureTimestamped: false,
        payloadFormat: 'raw',
        secret: 'whsec_abc',
        previousSecret: null,
        previousSecretExpiresAt: null,
        ...over,
      }) as DeliveryContext;
    const now = new Date('2026-11-25T10:00:07.900Z');

    it('carries x-webhook-timestamp, equal to webhook-timestamp, and signs it when timestamped', () => {
      const { body, headers } = signRequest(context({ signatureTimestamped: true }), 1, now);
      assert.equal(headers['webhook-timestamp'], '1795600807');
      assert.equal(headers['x-webhook-timestamp'], '1795600807');
      assert.equal(
        headers['x-webhook-signature-256'],
        'sha256=' + createHmac('sha256', 'whsec_abc').update(`1795600807.${body}`).digest('hex'),
      );
    });

    it('sends no timestamp of its own and signs the body alone when not timestamped', () => {
      const { body, headers } = signRequest(context({}), 1, now);
      assert.equal(headers['x-webhook-timestamp'], 'from the subscription');
      assert.equal(headers['x-webhook-signature-256'], 'sha256=' + createHmac('sha256', 'whsec_abc').update(body).digest('hex'));
    });
  });
});
