import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('full attempt capture: headers as sent and answered, timings, remote address, answer up to RESPONSE_BODY_LIMIT', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('attempt_capture', { RESPONSE_BODY_LIMIT: '10000' });
    receiver = await TestReceiver.start();
    receiver.respond(() => ({ status: 202, body: 'y'.repeat(20_000), headers: { 'x-receiver-trace': 'tr-1', 'set-cookie': 'sid=1' } }));
    await createEventType(svc, 'capture.test');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('shows what went over the wire for each attempt, credentials masked', async () => {
    const sub = await createSubscription(svc, {
      url: `${receiver.url}/hook`,
      events: ['capture.test'],
      auth: { type: 'bearer', token: 'tok-secret' },
      headers: { 'x-team': 'blue', 'x-api-key': 'key-secret' },
    });
    const { deliveries } = await sendEvent(svc, 'capture.test', { n: 1 });
    const delivery = await eventually(async () => {
      const res = await svc.api('GET', `/v1/deliveries/${deliveries[0].id}`);
      return res.body.status === 'succeeded' ? res.body : undefined;
    });
    const [attempt] = delivery.attempts;
    const sentToReceiver = receiver.requests.at(-1)!;
    assert.equal(sentToReceiver.headers['authorization'], 'Bearer tok-secret', 'the receiver got the real credentials');

    const sent = new Map<string, string>(attempt.request.headers.map((h: { name: string; value: string }) => [h.name, h.value]));
    assert.equal(sent.get('authorization'), '****');
    assert.equal(sent.get('x-api-key'), '****');
    assert.equal(sent.get('x-team'), 'blue');
    // What the receiver got is what the record says was sent, but the signature: with the event's data it would let
    // a reader of the record replay a request that verifies.
    for (const name of ['webhook-id', 'webhook-timestamp', 'content-type', 'user-agent', 'host'])
      assert.equal(sent.get(name), sentToReceiver.headers[name], name);
    assert.equal(sent.get('webhook-signature'), '****');
    assert.equal(sent.get('content-length'), String(Buffer.byteLength(sentToReceiver.body)));
    assert.ok(!JSON.stringify(attempt).includes('secret'), 'no credential in the record');

    assert.equal(attempt.response.headers['x-receiver-trace'], 'tr-1');
    assert.equal(attempt.response.headers['set-cookie'], '****');
    assert.equal(attempt.responseBody.length, 10_000, 'the answer kept up to RESPONSE_BODY_LIMIT');
    assert.equal(attempt.remoteAddress, '127.0.0.1');
    const t = attempt.timings;
    assert.equal(typeof t.reusedConnection, 'boolean');
    assert.ok(t.totalMs >= t.firstByteMs && t.firstByteMs > 0, JSON.stringify(t));
    if (!t.reusedConnection) assert.ok(t.connectMs >= 0, JSON.stringify(t));
    assert.equal(sub.id, delivery.subscriptionId);
  });

  it('records no wire detail for an attempt that reached no socket', async () => {
    const sub = await createSubscription(svc, {
      url: `http://127.0.0.1:${await freePort()}/`,
      events: ['capture.test'],
      retrySchedule: [],
    });
    const { deliveries } = await sendEvent(svc, 'capture.test', { n: 2 });
    const mine = deliveries.find((d) => d.subscriptionId === sub.id)!;
    const delivery = await eventually(async () => {
      const res = await svc.api('GET', `/v1/deliveries/${mine.id}`);
      return res.body.status === 'failed' ? res.body : undefined;
    });
    const [attempt] = delivery.attempts;
    assert.equal(attempt.error.type, 'connection');
    assert.deepEqual([attempt.request.headers, attempt.response.headers, attempt.timings, attempt.remoteAddress], [null, null, null, null]);
  });

  it('refuses a RESPONSE_BODY_LIMIT over 64 KiB or below 0, naming it', () => {
    const env = { TEMPORAL_ADDRESS: 'x:7233', SECRETS_KEY: 'a'.repeat(64), DATA_DIR: '/tmp' };
    assert.equal(loadConfig(env).responseBodyLimit, 4096);
    assert.equal(loadConfig({ ...env, RESPONSE_BODY_LIMIT: '65536' }).responseBodyLimit, 65536);
    assert.throws(() => loadConfig({ ...env, RESPONSE_BODY_LIMIT: '65537' }), /RESPONSE_BODY_LIMIT/);
    assert.throws(() => loadConfig({ ...env, RESPONSE_BODY_LIMIT: '-1' }), /RESPONSE_BODY_LIMIT/);
  });
});
