import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { HookrelayClient, HookrelayConnectionError, HookrelayError } from '../../clients/typescript/src/index.js';
import { eventually } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { TestReceiver } from '../helpers/receiver.js';
import { ScriptedProxy } from '../helpers/scripted-proxy.js';
import { startService, type TestService } from '../helpers/service.js';

const fastRetries = { retries: 3, baseDelayMs: 20, maxDelayMs: 100 };

describe('typed client (clients/typescript) against the real service', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let client: HookrelayClient;

  before(async () => {
    svc = await startService('client');
    receiver = await TestReceiver.start();
    client = new HookrelayClient({ baseUrl: svc.baseUrl, apiKey: svc.apiKey, retries: fastRetries });
    await client.eventTypes.create({ name: 'job.created', description: 'A job was created' });
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('sends an event that reaches a subscription, signed, and reads it back', async () => {
    const sub = await client.subscriptions.create({ url: `${receiver.url}/hooks`, events: ['job.*'], ping: false });
    const accepted = await client.sendEvent({ type: 'job.created', data: { jobId: 'j_1' } });
    assert.match(accepted.id, /^evt_/);
    assert.deepEqual(
      accepted.deliveries.map((d) => d.subscriptionId),
      [sub.id],
    );

    const [request] = await receiver.waitForRequests(1);
    const payload = new Webhook(sub.secret!).verify(request.body, request.headers as Record<string, string>) as { data: unknown };
    assert.deepEqual(payload.data, { jobId: 'j_1' });

    const event = await client.events.get(accepted.id);
    assert.deepEqual(event.data, { jobId: 'j_1' });
    const delivery = await eventually(async () => {
      const d = await client.deliveries.get(accepted.deliveries[0].id);
      return d.status === 'succeeded' ? d : undefined;
    });
    assert.equal(delivery.attempts[0].statusCode, 200);
    await client.subscriptions.delete(sub.id);
  });

  it('sends a batch, one answer per event in order', async () => {
    const accepted = await client.sendBatch([1, 2, 3].map((n) => ({ type: 'job.created', data: { n } })));
    assert.equal(accepted.length, 3);
    const events = await Promise.all(accepted.map((a) => client.events.get(a.id)));
    assert.deepEqual(
      events.map((e) => e.data),
      [{ n: 1 }, { n: 2 }, { n: 3 }],
    );
  });

  it('retries a send whose answer was lost with the same Idempotency-Key: one event, the first answer', async () => {
    const proxy = await ScriptedProxy.start(svc.baseUrl, ['forward-then-drop']);
    try {
      const viaProxy = new HookrelayClient({ baseUrl: proxy.url, apiKey: svc.apiKey, retries: fastRetries });
      const accepted = await viaProxy.sendEvent({ type: 'job.created', data: { lost: true } });
      assert.equal(proxy.requests.length, 2);
      const [first, second] = proxy.requests.map((r) => r.headers['idempotency-key']);
      assert.ok(first && first === second, 'the same generated key on both tries');
      const stored = (await client.events.list({ type: 'job.created', limit: 250 })).data.filter(
        (e) => (e.data as { lost?: boolean }).lost,
      );
      assert.deepEqual(
        stored.map((e) => e.id),
        [accepted.id],
        'exactly one event written',
      );
    } finally {
      await proxy.close();
    }
  });

  it('a batch whose answer was lost is retried without writing its events twice', async () => {
    const proxy = await ScriptedProxy.start(svc.baseUrl, ['forward-then-drop']);
    try {
      const viaProxy = new HookrelayClient({ baseUrl: proxy.url, apiKey: svc.apiKey, retries: fastRetries });
      const accepted = await viaProxy.sendBatch([
        { type: 'job.created', data: { lostBatch: 1 } },
        { type: 'job.created', data: { lostBatch: 2 } },
      ]);
      assert.equal(proxy.requests.length, 2);
      const stored = (await client.events.list({ type: 'job.created', limit: 250 })).data.filter(
        (e) => e.data !== null && 'lostBatch' in e.data,
      );
      assert.deepEqual(stored.map((e) => e.id).sort(), accepted.map((a) => a.id).sort());
    } finally {
      await proxy.close();
    }
  });

  it('an event sent twice with the same client id is written once', async () => {
    const first = await client.sendEvent({ type: 'job.created', id: 'order-7', data: { n: 7 } });
    const again = await client.sendEvent({ type: 'job.created', id: 'order-7', data: { n: 7 } });
    assert.equal(again.id, first.id);
  });

  it('waits out 429 and 503 (Retry-After honoured), then succeeds', async () => {
    const proxy = await ScriptedProxy.start(svc.baseUrl, [
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 503, headers: { 'retry-after': '0' } },
    ]);
    try {
      const viaProxy = new HookrelayClient({ baseUrl: proxy.url, apiKey: svc.apiKey, retries: fastRetries });
      const started = Date.now();
      const list = await viaProxy.subscriptions.list();
      assert.ok(Array.isArray(list.data));
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms for Retry-After: 1`);
      assert.deepEqual(
        proxy.requests.map((r) => (typeof r.step === 'object' ? r.step.status : r.step)),
        [429, 503, 'forward'],
      );
    } finally {
      await proxy.close();
    }
  });

  it('a 422 is a HookrelayError carrying the problem and its field errors', async () => {
    await assert.rejects(client.sendEvent({ type: 'no.such.type', data: {} }), (err: unknown) => {
      assert.ok(err instanceof HookrelayError);
      assert.equal(err.status, 422);
      assert.ok(err.title);
      assert.ok(
        err.errors.some((e) => e.field === 'type'),
        JSON.stringify(err.errors),
      );
      return true;
    });
    await assert.rejects(client.subscriptions.create({ url: 'not a url', events: [] }), (err: unknown) => {
      assert.ok(err instanceof HookrelayError && err.status === 422);
      const fields = err.errors.map((e) => e.field);
      assert.ok(fields.includes('url') && fields.includes('events'), fields.join());
      return true;
    });
    await assert.rejects(client.subscriptions.get('sub_missing'), (err: unknown) => err instanceof HookrelayError && err.status === 404);
  });

  it('a service that cannot be reached is a HookrelayConnectionError, after retrying', async () => {
    const down = new HookrelayClient({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      apiKey: svc.apiKey,
      retries: { retries: 2, baseDelayMs: 10 },
    });
    await assert.rejects(
      down.subscriptions.list(),
      (err: unknown) => err instanceof HookrelayConnectionError && /ECONNREFUSED/.test(err.message),
    );
  });

  it('covers every resource: subscriptions, deliveries, event types, events', async () => {
    const type = await client.eventTypes.create({ name: 'client.walk', description: 'walk' });
    assert.equal(type.name, 'client.walk');
    assert.equal((await client.eventTypes.update('client.walk', { description: 'walked' })).description, 'walked');
    assert.equal((await client.eventTypes.get('client.walk')).description, 'walked');
    assert.ok((await client.eventTypes.list()).data.some((t) => t.name === 'client.walk'));

    const sub = await client.subscriptions.create({ name: 'walk', url: `${receiver.url}/walk`, events: ['client.walk'], ping: false });
    assert.ok((await client.subscriptions.list()).data.some((s) => s.id === sub.id));
    assert.equal((await client.subscriptions.update(sub.id, { name: 'walked' })).name, 'walked');
    assert.equal((await client.subscriptions.pause(sub.id)).status, 'paused');
    assert.equal((await client.subscriptions.resume(sub.id)).status, 'active');
    const tested = await client.subscriptions.test(sub.id, {});
    assert.equal(tested.attempt.statusCode, 200);
    const rotated = await client.subscriptions.rotateSecret(sub.id);
    assert.match(rotated.secret ?? '', /^whsec_/);
    const verdict = await client.filters.test({ filter: { n: { $gt: 1 } }, data: { n: 2 } });
    assert.deepEqual(verdict, { matches: true, reason: 'n is 2, > 1' });
    assert.equal((await client.subscriptions.testFilter(sub.id, { data: {} })).matches, true);

    const accepted = await client.sendEvent({ type: 'client.walk', data: {} });
    const deliveryId = accepted.deliveries[0].id;
    await eventually(async () => ((await client.deliveries.get(deliveryId)).status === 'succeeded' ? true : undefined));
    const history = await client.deliveries.list(sub.id, { eventType: 'client.walk' });
    assert.ok(history.data.some((d) => d.id === deliveryId));
    const again = await client.deliveries.redeliver(deliveryId);
    assert.equal(again.kind, 'redelivery');
    const first = await client.replays.create({ subscriptionId: sub.id, status: 'succeeded' });
    const replay = await client.replays.create({ subscriptionId: sub.id, kind: 'redelivery' });
    assert.ok(!('dryRun' in first) && !('dryRun' in replay));
    const page = await client.replays.list({ limit: 1 });
    assert.deepEqual(
      page.data.map((r) => r.id),
      [replay.id],
      'replays.list: the newest first, a page at a time',
    );
    assert.deepEqual(
      (await client.replays.list({ cursor: page.nextCursor! })).data.map((r) => r.id),
      [first.id],
    );
    assert.equal((await client.replays.get(replay.id)).id, replay.id);
    await client.subscriptions.pause(sub.id);
    const held = await client.sendEvent({ type: 'client.walk', data: {} });
    assert.equal((await client.deliveries.cancel(held.deliveries[0].id)).status, 'cancelled');
    assert.ok((await client.events.list({ type: 'client.walk' })).data.some((e) => e.id === accepted.id));

    await client.subscriptions.delete(sub.id);
    await assert.rejects(client.subscriptions.get(sub.id), (err: unknown) => err instanceof HookrelayError && err.status === 404);
    await client.eventTypes.archive('client.walk');
    await assert.rejects(
      client.sendEvent({ type: 'client.walk', data: {} }),
      (err: unknown) => err instanceof HookrelayError && err.status === 422,
    );
  });
});
