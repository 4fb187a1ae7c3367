import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { DeliverySweeper } from '../../src/dispatch/delivery-sweeper.js';
import { newId } from '../../src/common/ids.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('events: ingest to receiver, all real (Postgres, Temporal, worker, loopback receiver)', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('events');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.created');
    await createEventType(svc, 'job.failed');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('delivers 20 events, each signed and identified by its event id', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/hooks`, events: ['job.*'] });
    const sent = [];
    for (let i = 0; i < 20; i++) sent.push(await sendEvent(svc, 'job.created', { n: i }));
    assert.ok(sent.every((e) => e.deliveries.length === 1 && e.deliveries[0].subscriptionId === sub.id));

    const requests = await receiver.waitForRequests(20);
    assert.equal(requests.length, 20);
    const wh = new Webhook(sub.secret);
    for (const req of requests) {
      const payload = wh.verify(req.body, req.headers as Record<string, string>) as { id: string; type: string; data: { n: number } };
      assert.equal(req.headers['webhook-id'], payload.id);
      assert.equal(req.headers['webhook-event-type'], 'job.created');
      assert.equal(req.headers['webhook-attempt'], '1');
      assert.equal(req.headers['content-type'], 'application/json');
    }
    assert.deepEqual(new Set(requests.map((r) => r.headers['webhook-id'])), new Set(sent.map((e) => e.id)));
    const first = sent[0].deliveries[0].id;
    const delivery = await eventually(async () => {
      const res = await svc.api('GET', `/v1/deliveries/${first}`);
      return res.body.status === 'succeeded' ? res.body : undefined;
    });
    assert.equal(delivery.attemptCount, 1);
    assert.equal(delivery.attempts[0].statusCode, 200);
    assert.equal(delivery.workflowId, `delivery-${first}`);
    assert.match(delivery.temporalUrl, /\/namespaces\/default\/workflows\/delivery-dlv_/);
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('records every attempt: a receiver failing twice then answering yields 500, 500, 200', async () => {
    const flaky = await TestReceiver.start();
    flaky.respondWith(500, 500, 200);
    try {
      const sub = await createSubscription(svc, { url: flaky.url, events: ['job.failed'], retrySchedule: [1, 1, 1] });
      const event = await sendEvent(svc, 'job.failed', { reason: 'disk' });
      const deliveryId = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      const delivery = await eventually(
        async () => {
          const res = await svc.api('GET', `/v1/deliveries/${deliveryId}`);
          return res.body.status === 'succeeded' ? res.body : undefined;
        },
        30_000,
        'delivery to succeed',
      );
      assert.deepEqual(
        delivery.attempts.map((a: { statusCode: number }) => a.statusCode),
        [500, 500, 200],
      );
      assert.deepEqual(
        delivery.attempts.map((a: { number: number }) => a.number),
        [1, 2, 3],
      );
      assert.equal(delivery.attemptCount, 3);
      assert.equal(delivery.lastStatusCode, 200);
      assert.deepEqual(
        flaky.requests.map((r) => r.headers['webhook-attempt']),
        ['1', '2', '3'],
      );
      assert.equal(new Set(flaky.requests.map((r) => r.headers['webhook-id'])).size, 1, 'same webhook-id on every retry');
      assert.equal(delivery.attempts[0].responseBody, 'answer 1');
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    } finally {
      await flaky.close();
    }
  });

  it('answers a repeated Idempotency-Key with the first answer and creates nothing new', async () => {
    const headers = { 'idempotency-key': 'order-42' };
    const first = await svc.api('POST', '/v1/events', { type: 'job.created', data: { n: 1 } }, { headers });
    const again = await svc.api('POST', '/v1/events', { type: 'job.created', data: { n: 2 } }, { headers });
    assert.equal(first.status, 202);
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, first.body);
    const [{ count }] = await svc.db.query(`SELECT count(*)::int AS count FROM events WHERE idempotency_key = 'order-42'`);
    assert.equal(count, 1);
  });

  it('accepts a batch in one request and shows an event with its deliveries', async () => {
    const sub = await createSubscription(svc, { url: receiver.url, events: ['job.created'] });
    const before = receiver.requests.length;
    const res = await svc.api('POST', '/v1/events/batch', {
      events: Array.from({ length: 25 }, (_, i) => ({ type: 'job.created', data: { batch: i } })),
    });
    assert.equal(res.status, 202);
    assert.equal(res.body.data.length, 25);
    await receiver.waitForRequests(before + 25);
    const one = await svc.api('GET', `/v1/events/${res.body.data[3].id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.data, { batch: 3 });
    assert.equal(one.body.deliveries[0].subscriptionId, sub.id);
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('delivers a __proto__ key of the data exactly as sent, and shows it back', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/proto`, events: ['job.failed'], payloadFormat: 'raw' });
    const data = '{"__proto__":{"x":1},"a":1}';
    const res = await svc.api('POST', '/v1/events', undefined, {
      raw: `{"type":"job.failed","data":${data}}`,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const received = await eventually(async () => receiver.requests.find((r) => r.path === '/proto'), 30_000, 'the raw delivery');
    // Compared as JSON values with own keys (Postgres jsonb orders keys its own way, for every key alike).
    assert.deepStrictEqual(JSON.parse(received.body), JSON.parse(data));
    const shown = await svc.api('GET', `/v1/events/${res.body.id}`);
    assert.deepStrictEqual(shown.body.data, JSON.parse(data));
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('never strands an accepted delivery: the sweeper starts deliveries whose workflow start was lost', async () => {
    const sub = await createSubscription(svc, { url: receiver.url, events: ['job.created'] });
    const [tenant] = await svc.db.query(`SELECT id FROM tenants WHERE name = 'default'`);
    // What a crash between the commit and the workflow start leaves behind.
    const eventId = newId('evt');
    const deliveryId = newId('dlv');
    await svc.db.query(
      `INSERT INTO events (id, tenant_id, type, data, occurred_at) VALUES ($1, $2, 'job.created', '{"stranded":true}', now())`,
      [eventId, tenant.id],
    );
    await svc.db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, created_at)
       VALUES ($1, $2, $3, $4, 'job.created', 'event', 'scheduled', now() - interval '5 minutes')`,
      [deliveryId, tenant.id, eventId, sub.id],
    );
    const started = await svc.app.get(DeliverySweeper).sweepOnce();
    assert.ok(started >= 1, `sweeper started ${started}`);
    await eventually(
      async () => (receiver.requests.some((r) => r.headers['webhook-id'] === eventId) ? true : undefined),
      20_000,
      'stranded delivery to arrive',
    );
    const [row] = await svc.db.query(`SELECT dispatched FROM deliveries WHERE id = $1`, [deliveryId]);
    assert.equal(row.dispatched, true);
    assert.equal(await svc.app.get(DeliverySweeper).sweepOnce(), 0, 'a second sweep finds nothing');
  });
});
