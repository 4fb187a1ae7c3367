import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { startDeliveryWorkflow } from '../../src/dispatch/workflow-dispatch.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const deliveryOf = (event: { deliveries: { id: string; subscriptionId: string }[] }, subId: string) =>
  event.deliveries.find((d) => d.subscriptionId === subId)!.id;

describe('deliveries', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('deliveries');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'invoice.paid');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const waitForStatus = (id: string, status: string, timeoutMs = 20_000) =>
    eventually(
      async () => {
        const res = await svc.api('GET', `/v1/deliveries/${id}`);
        return res.body.status === status ? res.body : undefined;
      },
      timeoutMs,
      `delivery ${id} to be ${status}`,
    );

  it('redelivers an event as a new delivery with the same webhook-id', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/redeliver`, events: ['invoice.paid'] });
    const event = await sendEvent(svc, 'invoice.paid', { amount: 10 });
    const original = deliveryOf(event, sub.id);
    await waitForStatus(original, 'succeeded');
    const res = await svc.api('POST', `/v1/deliveries/${original}/redeliver`);
    assert.equal(res.status, 202);
    assert.equal(res.body.kind, 'redelivery');
    assert.notEqual(res.body.id, original);
    assert.equal(res.body.eventId, event.id);
    await waitForStatus(res.body.id, 'succeeded');
    const got = receiver.requests.filter((r) => r.path === '/redeliver');
    assert.deepEqual(
      got.map((r) => r.headers['webhook-id']),
      [event.id, event.id],
    );
    assert.equal((await svc.api('GET', `/v1/deliveries/${original}`)).body.status, 'succeeded');
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('cancels a delivery waiting for a retry: no more attempts; a finished one cannot be cancelled', async () => {
    const failing = await TestReceiver.start();
    failing.respondWith(503);
    try {
      const sub = await createSubscription(svc, { url: failing.url, events: ['invoice.paid'], retrySchedule: [3600] });
      const id = deliveryOf(await sendEvent(svc, 'invoice.paid', {}), sub.id);
      const retrying = await waitForStatus(id, 'retrying');
      assert.ok(retrying.nextAttemptAt);
      const res = await svc.api('POST', `/v1/deliveries/${id}/cancel`);
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'cancelled');
      const result = await svc.app.get(Client).workflow.getHandle(`delivery-${id}`).result();
      assert.equal(result.status, 'cancelled');
      assert.equal(failing.requests.length, 1);
      const again = await svc.api('POST', `/v1/deliveries/${id}/cancel`);
      assert.equal(again.body.status, 'cancelled');

      const ok = await createSubscription(svc, { url: receiver.url, events: ['invoice.paid'] });
      const done = deliveryOf(await sendEvent(svc, 'invoice.paid', {}), ok.id);
      await waitForStatus(done, 'succeeded');
      const refused = await svc.api('POST', `/v1/deliveries/${done}/cancel`);
      assert.equal(refused.status, 409);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
      await svc.api('DELETE', `/v1/subscriptions/${ok.id}`);
    } finally {
      await failing.close();
    }
  });

  it('recovers the failed deliveries of a time window', async () => {
    const flaky = await TestReceiver.start();
    let healthy = false;
    flaky.respond(() => ({ status: healthy ? 200 : 500 }));
    try {
      const since = new Date(Date.now() - 1000).toISOString();
      const sub = await createSubscription(svc, { url: flaky.url, events: ['invoice.paid'], retrySchedule: [] });
      const events = [];
      for (let i = 0; i < 3; i++) events.push(await sendEvent(svc, 'invoice.paid', { i }));
      for (const e of events) await waitForStatus(deliveryOf(e, sub.id), 'failed');
      healthy = true;
      const res = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, { since });
      assert.equal(res.status, 202);
      assert.equal(res.body.redelivered, 3);
      assert.match(res.body.replay.id, /^rpl_/);
      await flaky.waitForRequests(6);
      const ids = flaky.requests.map((r) => r.headers['webhook-id']);
      for (const e of events) assert.equal(ids.filter((id) => id === e.id).length, 2);
      const history = await eventually(async () => {
        const h = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?status=succeeded`);
        return h.body.data.length === 3 ? h.body : undefined;
      });
      assert.ok(history.data.every((d: { kind: string }) => d.kind === 'redelivery'));
      const none = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, { since: new Date().toISOString() });
      assert.equal(none.body.redelivered, 0);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    } finally {
      await flaky.close();
    }
  });

  it('honours Retry-After on 429 when it asks for longer than the schedule', async () => {
    const limited = await TestReceiver.start();
    limited.respond((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }));
    try {
      const sub = await createSubscription(svc, { url: limited.url, events: ['invoice.paid'], retrySchedule: [0] });
      const id = deliveryOf(await sendEvent(svc, 'invoice.paid', {}), sub.id);
      await waitForStatus(id, 'succeeded');
      const [first, second] = limited.requests;
      assert.ok(second.at - first.at >= 1900, `retried after ${second.at - first.at} ms`);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    } finally {
      await limited.close();
    }
  });

  it('marks a delivery failed after the last retry and raises delivery.exhausted to subscribers of that type only', async () => {
    const ops = await TestReceiver.start();
    const failing = await TestReceiver.start();
    failing.respondWith(500, 500);
    try {
      const opsSub = await createSubscription(svc, { url: ops.url, events: ['delivery.exhausted'] });
      const everything = await createSubscription(svc, { url: `${receiver.url}/everything`, events: ['*'] });
      const sub = await createSubscription(svc, { url: failing.url, events: ['invoice.paid'], retrySchedule: [0] });
      const event = await sendEvent(svc, 'invoice.paid', { exhaust: true });
      const id = deliveryOf(event, sub.id);
      const failed = await waitForStatus(id, 'failed');
      assert.deepEqual(
        failed.attempts.map((a: { statusCode: number }) => a.statusCode),
        [500, 500],
      );
      const body = await eventually(
        async () => {
          const notices = ops.requests.map((r) => JSON.parse(r.body));
          return notices.find((n) => n.data.subscriptionId === sub.id);
        },
        20_000,
        'delivery.exhausted for the failing subscription',
      );
      assert.equal(body.type, 'delivery.exhausted');
      assert.deepEqual(
        [body.data.deliveryId, body.data.eventId, body.data.subscriptionId, body.data.attempts, body.data.lastStatusCode],
        [id, event.id, sub.id, 2, 500],
      );
      // The exhausted event went to the subscription naming it, and to no other (not to `*`).
      const raised = await svc.api('GET', `/v1/events/${body.id}`);
      assert.deepEqual(
        raised.body.deliveries.map((d: { subscriptionId: string }) => d.subscriptionId),
        [opsSub.id],
      );
      assert.ok(!receiver.requests.some((r) => r.path === '/everything' && r.headers['webhook-event-type'] === 'delivery.exhausted'));
      for (const s of [opsSub, everything, sub]) await svc.api('DELETE', `/v1/subscriptions/${s.id}`);
    } finally {
      await ops.close();
      await failing.close();
    }
  });

  it('pages the delivery history with filters, newest first', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/history`, events: ['invoice.paid'] });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(deliveryOf(await sendEvent(svc, 'invoice.paid', { i }), sub.id));
    for (const id of ids) await waitForStatus(id, 'succeeded');
    const first = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=2`);
    assert.deepEqual(
      first.body.data.map((d: { id: string }) => d.id),
      [ids[4], ids[3]],
    );
    const second = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.data.map((d: { id: string }) => d.id),
      [ids[2], ids[1]],
    );
    const third = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=2&cursor=${second.body.nextCursor}`);
    assert.deepEqual([third.body.data.length, third.body.nextCursor], [1, null]);
    const failed = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?status=failed`);
    assert.deepEqual(failed.body.data, []);
    const future = await svc.api(
      'GET',
      `/v1/subscriptions/${sub.id}/deliveries?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    assert.deepEqual(future.body.data, []);
    const byType = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?eventType=invoice.paid&limit=250`);
    assert.equal(byType.body.data.length, 5);
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('traces in Temporal: DeliveryStatus kept current, findable by SubscriptionId, readable summaries', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/trace`, events: ['invoice.paid'] });
    const id = deliveryOf(await sendEvent(svc, 'invoice.paid', {}), sub.id);
    await waitForStatus(id, 'succeeded');
    const client = svc.app.get(Client);
    const handle = client.workflow.getHandle(`delivery-${id}`);
    await handle.result();
    const description = await handle.describe();
    assert.equal(description.typedSearchAttributes.getAll().find((p) => p.key.name === 'DeliveryStatus')?.value, 'succeeded');
    assert.equal(description.typedSearchAttributes.getAll().find((p) => p.key.name === 'SubscriptionId')?.value, sub.id);
    const [{ tenant_id: tenantId }] = await svc.db.query(`SELECT tenant_id FROM deliveries WHERE id = $1`, [id]);
    assert.equal(description.priority?.fairnessKey, tenantId, 'the tenant is the fairness key');
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of client.workflow.list({ query: `SubscriptionId = '${sub.id}'` })) ids.push(wf.workflowId);
        return ids.includes(`delivery-${id}`) ? ids : undefined;
      },
      15_000,
      'visibility to list the workflow',
    );
    assert.ok(found.length >= 1);
    const history = JSON.stringify(await handle.fetchHistory());
    const summaries = [...history.matchAll(/"summary":\{"metadata":\{[^}]*\},"data":"([^"]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString(),
    );
    assert.ok(
      summaries.some((s) => s.includes('attempt 1')),
      `summaries: ${summaries.join(' | ')}`,
    );
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it("serves tenants in turn in the engine: a tenant's backlog does not queue another tenant's deliveries behind it", async () => {
    // Workflow tasks waiting on a task queue of their own, no worker: 30 of one tenant's deliveries, then 3 of
    // another's. With task-queue fairness (the dev server's setting, the tenant as fairness key) the second
    // tenant's come out among the first; in arrival order they would come last.
    const client = svc.app.get(Client);
    const taskQueue = `fairness-${Date.now()}`;
    const item = (tenantId: string, i: number) => ({
      id: `dlv_fair${tenantId}${i}${Date.now()}`,
      tenantId,
      subscriptionId: 'sub_fair',
      eventType: 'invoice.paid',
      status: 'scheduled',
    });
    const items = [
      ...Array.from({ length: 30 }, (_, i) => item('ten_big', i)),
      ...Array.from({ length: 3 }, (_, i) => item('ten_small', i)),
    ];
    for (const it of items) await startDeliveryWorkflow(client, { taskQueue, eager: false }, it);
    const tenants: string[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const task = await client.connection.withDeadline(Date.now() + 10_000, () =>
          client.workflowService.pollWorkflowTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, identity: 'fairness-test' }),
        );
        tenants.push(items.find((it) => `delivery-${it.id}` === task.workflowExecution?.workflowId)?.tenantId ?? '?');
      }
      assert.equal(tenants.filter((t) => t === 'ten_small').length, 3, `first tasks dispatched: ${tenants.join(', ')}`);
    } finally {
      for (const it of items)
        await client.workflow
          .getHandle(`delivery-${it.id}`)
          .terminate('test over')
          .catch(() => undefined);
    }
  });

  describe('auto-disable (DISABLE_AFTER_HOURS of failures)', () => {
    let quick: TestService;
    before(async () => {
      quick = await startService('autodisable', { DISABLE_AFTER_HOURS: '0.0005' });
      await createEventType(quick, 'invoice.paid');
    });
    after(async () => quick?.close());

    it('disables a subscription failing for too long, raises subscription.disabled, and resume re-enables it', async () => {
      const ops = await TestReceiver.start();
      const failing = await TestReceiver.start();
      failing.respond(() => ({ status: 500 }));
      try {
        await createSubscription(quick, { url: ops.url, events: ['subscription.disabled'] });
        const sub = await createSubscription(quick, { url: failing.url, events: ['invoice.paid'], retrySchedule: [1, 1, 1, 1] });
        await sendEvent(quick, 'invoice.paid', {});
        const [notice] = await ops.waitForRequests(1, 20_000);
        const body = JSON.parse(notice.body);
        assert.equal(body.type, 'subscription.disabled');
        assert.equal(body.data.subscriptionId, sub.id);
        const read = await quick.api('GET', `/v1/subscriptions/${sub.id}`);
        assert.equal(read.body.status, 'disabled');
        assert.match(read.body.disabledReason, /every attempt failed since/);
        const resumed = await quick.api('POST', `/v1/subscriptions/${sub.id}/resume`);
        assert.deepEqual([resumed.body.status, resumed.body.disabledReason], ['active', null]);
      } finally {
        await ops.close();
        await failing.close();
      }
    });
  });
});
