import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('subscriptions', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('subscriptions');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'order.placed');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const deliveryStatus = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body.status as string;

  it('creates with defaults, shows the secret once, masks secrets in reads', async () => {
    const created = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/orders`,
      events: ['order.placed'],
      headers: { 'x-api-key': 'very-secret-value', 'x-team': 'payments' },
      auth: { type: 'basic', username: 'hook', password: 'pa55word' },
      ping: false,
    });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^sub_[0-9a-z]{26}$/);
    assert.match(created.body.secret, /^whsec_/);
    assert.equal(created.body.name, new URL(receiver.url).host);
    assert.deepEqual(created.body.retrySchedule, [5, 300, 1800, 7200, 18000, 36000, 36000]);
    assert.equal(created.body.timeoutMs, 15000);
    assert.deepEqual(created.body.signature, { scheme: 'standard-webhooks', header: null });

    const read = await svc.api('GET', `/v1/subscriptions/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.secret, undefined);
    assert.equal(read.body.headers['x-api-key'], '****alue');
    assert.equal(read.body.headers['x-team'], 'payments');
    assert.deepEqual(read.body.auth, { type: 'basic', username: 'hook' });
    assert.ok(!JSON.stringify(read.body).includes('pa55word'));

    const patched = await svc.api('PATCH', `/v1/subscriptions/${created.body.id}`, { name: 'Orders', timeoutMs: 5000 });
    assert.equal(patched.status, 200);
    assert.deepEqual([patched.body.name, patched.body.timeoutMs, patched.body.url], ['Orders', 5000, `${receiver.url}/orders`]);

    const list = await svc.api('GET', '/v1/subscriptions?limit=1');
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 1);
    assert.equal(await svc.api('DELETE', `/v1/subscriptions/${created.body.id}`).then((r) => r.status), 204);
    assert.equal(await svc.api('GET', `/v1/subscriptions/${created.body.id}`).then((r) => r.status), 404);
  });

  it('accepts form-encoded bodies with repeated keys and JSON-string objects', async () => {
    const form = new URLSearchParams();
    form.append('url', `${receiver.url}/form`);
    form.append('events', 'order.placed');
    form.append('events', 'order.*');
    form.append('filter', JSON.stringify({ region: ['eu', 'us'] }));
    form.append('retrySchedule', '10');
    form.append('retrySchedule', '60');
    form.append('ping', 'false');
    const res = await svc.api('POST', '/v1/subscriptions', undefined, {
      raw: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.events, ['order.placed', 'order.*']);
    assert.deepEqual(res.body.filter, { region: ['eu', 'us'] });
    assert.deepEqual(res.body.retrySchedule, [10, 60]);
    await svc.api('DELETE', `/v1/subscriptions/${res.body.id}`);
  });

  it('pings a new subscription unless told not to', async () => {
    const before = receiver.requests.length;
    const res = await svc.api('POST', '/v1/subscriptions', { url: `${receiver.url}/ping`, events: ['order.placed'] });
    assert.equal(res.status, 201);
    const requests = await receiver.waitForRequests(before + 1);
    const ping = requests.slice(before).find((r) => r.path === '/ping')!;
    assert.equal(ping.headers['webhook-event-type'], 'webhook.ping');
    const body = new Webhook(res.body.secret).verify(ping.body, ping.headers as Record<string, string>) as { data: { subscriptionId: string } };
    assert.equal(body.data.subscriptionId, res.body.id);
    const history = await eventually(async () => {
      const h = await svc.api('GET', `/v1/subscriptions/${res.body.id}/deliveries`);
      return h.body.data.length === 1 && h.body.data[0].status === 'succeeded' ? h.body : undefined;
    });
    assert.equal(history.data[0].kind, 'ping');
    await svc.api('DELETE', `/v1/subscriptions/${res.body.id}`);
  });

  it('holds deliveries while paused and sends them all on resume, oldest first', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/paused`, events: ['order.placed'] });
    const paused = await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    assert.equal(paused.body.status, 'paused');
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await sendEvent(svc, 'order.placed', { i }));
    const ids = sent.map((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.id);
    assert.ok(sent.every((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.status === 'held'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(receiver.requests.filter((r) => r.path === '/paused').length, 0, 'nothing sent while paused');
    for (const id of ids) assert.equal(await deliveryStatus(id), 'held');

    const resumed = await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
    assert.equal(resumed.body.status, 'active');
    const got = await eventually(async () => {
      const r = receiver.requests.filter((q) => q.path === '/paused');
      return r.length >= 5 ? r : undefined;
    });
    assert.deepEqual(new Set(got.map((r) => r.headers['webhook-id'])), new Set(sent.map((e) => e.id)));
    for (const id of ids) await eventually(async () => ((await deliveryStatus(id)) === 'succeeded' ? true : undefined));
  });

  it('410 Gone disables the subscription with a reason and stops retrying', async () => {
    const gone = await TestReceiver.start();
    gone.respondWith(410);
    try {
      const sub = await createSubscription(svc, { url: gone.url, events: ['order.placed'], retrySchedule: [1, 1] });
      const event = await sendEvent(svc, 'order.placed', { gone: true });
      const id = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await eventually(async () => ((await deliveryStatus(id)) === 'failed' ? true : undefined));
      const read = await svc.api('GET', `/v1/subscriptions/${sub.id}`);
      assert.equal(read.body.status, 'disabled');
      assert.match(read.body.disabledReason, /410/);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(gone.requests.length, 1, 'no retries after 410');
      const resumed = await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
      assert.deepEqual([resumed.body.status, resumed.body.disabledReason], ['active', null]);
    } finally {
      await gone.close();
    }
  });

  it('delete cancels unfinished deliveries', async () => {
    const failing = await TestReceiver.start();
    failing.respondWith(500, 500, 500);
    try {
      const sub = await createSubscription(svc, { url: failing.url, events: ['order.placed'], retrySchedule: [3600] });
      const event = await sendEvent(svc, 'order.placed', {});
      const id = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await eventually(async () => ((await deliveryStatus(id)) === 'retrying' ? true : undefined));
      assert.equal((await svc.api('DELETE', `/v1/subscriptions/${sub.id}`)).status, 204);
      assert.equal(await deliveryStatus(id), 'cancelled');
      const handle = svc.app.get((await import('@temporalio/client')).Client).workflow.getHandle(`delivery-${id}`);
      assert.equal((await handle.result()).status, 'cancelled');
    } finally {
      await failing.close();
    }
  });
});
