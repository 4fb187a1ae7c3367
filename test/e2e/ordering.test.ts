import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body) as { data: { key: string; seq: number } };

/**
 * Checks one line's requests in arrival order: each is the line's current head (a retry, only after a failure)
 * or the next one (only after the head succeeded). Returns the sequence numbers that succeeded, in order.
 */
function assertInOrder(line: string, requests: { seq: number; status: number }[]): number[] {
  const succeeded: number[] = [];
  let head: { seq: number; status: number } | undefined;
  for (const r of requests) {
    if (head) {
      const expected = head.status === 200 ? head.seq + 1 : head.seq;
      assert.equal(r.seq, expected, `line ${line}: #${r.seq} arrived after #${head.seq} answered ${head.status}`);
    }
    if (r.status === 200) succeeded.push(r.seq);
    head = r;
  }
  return succeeded;
}

describe('FIFO ordering', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('ordering');
    await createEventType(svc, 'job.step');
  });
  after(async () => svc?.close());

  const delivery = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;
  const deliveryOf = (event: { deliveries: { id: string; subscriptionId: string }[] }, subId: string) =>
    event.deliveries.find((d) => d.subscriptionId === subId)!.id;

  it('delivers 1,000 events over 10 keys in order per key, through retries of the heads', async () => {
    const receiver = await TestReceiver.start();
    // Every 25th step of each line fails its first attempt: that head holds its line through a retry.
    const answers: number[] = [];
    const tried = new Set<string>();
    receiver.respond((req, i) => {
      const { key, seq } = bodyOf(req).data;
      const first = !tried.has(`${key}/${seq}`);
      tried.add(`${key}/${seq}`);
      answers[i] = first && seq % 25 === 0 ? 500 : 200;
      return { status: answers[i] };
    });
    try {
      const sub = await createSubscription(svc, {
        url: receiver.url,
        events: ['job.step'],
        ordering: 'fifo',
        orderingKey: '/key',
        retrySchedule: [1, 1, 1],
      });
      assert.equal(sub.ordering, 'fifo');
      assert.equal(sub.orderingKey, '/key');
      for (let batch = 0; batch < 2; batch++) {
        const events = Array.from({ length: 500 }, (_, j) => {
          const i = batch * 500 + j;
          return { type: 'job.step', data: { key: `k${i % 10}`, seq: Math.floor(i / 10) } };
        });
        const res = await svc.api('POST', '/v1/events/batch', { events });
        assert.equal(res.status, 202);
      }
      // 1,000 successes plus the 40 first attempts that failed.
      await receiver.waitForRequests(1_040, 180_000);

      const lines = new Map<string, { seq: number; status: number }[]>();
      receiver.requests.forEach((r, i) => {
        const { key, seq } = bodyOf(r).data;
        lines.set(key, [...(lines.get(key) ?? []), { seq, status: answers[i] }]);
      });
      assert.equal(lines.size, 10);
      for (const [key, requests] of lines) {
        const succeeded = assertInOrder(key, requests);
        assert.deepEqual(
          succeeded,
          Array.from({ length: 100 }, (_, s) => s),
          `line ${key} delivered every step once, in order`,
        );
        assert.equal(requests.length, 104, `line ${key}: 100 steps and 4 retried heads`);
      }
    } finally {
      await receiver.close();
    }
  });

  it('shows what a delivery waits for; a cancelled head lets its line go on', async () => {
    const receiver = await TestReceiver.start();
    receiver.respond((req) => ({ status: bodyOf(req).data.seq === 0 ? 503 : 200 }));
    try {
      const sub = await createSubscription(svc, {
        url: receiver.url,
        events: ['job.step'],
        ordering: 'fifo',
        retrySchedule: Array(10).fill(1),
      });
      const sent = [];
      for (let seq = 0; seq < 3; seq++) sent.push(await sendEvent(svc, 'job.step', { key: 'one line', seq }));
      const [head, second, third] = sent.map((e) => deliveryOf(e, sub.id)) as [string, string, string];

      // The head retries; the others say they wait for the delivery before them, unsent.
      await eventually(async () => ((await delivery(head)).attemptCount >= 2 ? true : undefined), 20_000, 'the head to be retried');
      const waiting = await delivery(second);
      assert.equal(waiting.status, 'scheduled');
      assert.equal(waiting.waitingFor, 'predecessor');
      assert.equal(waiting.predecessorId, head);
      assert.equal(waiting.attemptCount, 0);
      assert.equal((await delivery(third)).predecessorId, second);
      assert.ok(
        receiver.requests.every((r) => bodyOf(r).data.seq === 0),
        'nothing but the head was sent',
      );

      const cancelled = await svc.api('POST', `/v1/deliveries/${head}/cancel`);
      assert.equal(cancelled.status, 200);
      const requests = await receiver.waitForRequests(receiver.requests.length + 2, 20_000);
      assert.deepEqual(
        requests.filter((r) => bodyOf(r).data.seq !== 0).map((r) => bodyOf(r).data.seq),
        [1, 2],
      );
      const done = await eventually(async () => {
        const d = await delivery(third);
        return d.status === 'succeeded' ? d : undefined;
      });
      assert.equal(done.waitingFor, null);
    } finally {
      await receiver.close();
    }
  });

  it('a head that exhausts its retries ends failed and its line goes on', async () => {
    const receiver = await TestReceiver.start();
    receiver.respond((req) => ({ status: bodyOf(req).data.seq === 0 ? 500 : 200 }));
    try {
      const sub = await createSubscription(svc, { url: receiver.url, events: ['job.step'], ordering: 'fifo', retrySchedule: [1] });
      const head = deliveryOf(await sendEvent(svc, 'job.step', { key: 'x', seq: 0 }), sub.id);
      await sendEvent(svc, 'job.step', { key: 'x', seq: 1 });
      const requests = await receiver.waitForRequests(3, 20_000);
      assert.deepEqual(
        requests.map((r) => bodyOf(r).data.seq),
        [0, 0, 1],
      );
      assert.equal((await delivery(head)).status, 'failed');
    } finally {
      await receiver.close();
    }
  });

  it('keeps the order through pause and resume; a redelivery joins the end of its line', async () => {
    const receiver = await TestReceiver.start();
    try {
      const sub = await createSubscription(svc, { url: receiver.url, events: ['job.step'], ordering: 'fifo', orderingKey: '/key' });
      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
      const sent = [];
      for (let seq = 0; seq < 5; seq++) sent.push(await sendEvent(svc, 'job.step', { key: 'p', seq }));
      const ids = sent.map((e) => deliveryOf(e, sub.id));
      await eventually(async () => ((await delivery(ids[4])).status === 'held' ? true : undefined), 10_000, 'the deliveries held');
      assert.equal(receiver.requests.length, 0);

      // Redelivered while the line waits: it goes to the end of the line.
      const again = await svc.api('POST', `/v1/deliveries/${ids[0]}/redeliver`);
      assert.equal(again.status, 202);
      assert.equal(again.body.predecessorId, ids[4], 'the redelivery waits for the last of its line');

      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`)).status, 200);
      const requests = await receiver.waitForRequests(6, 20_000);
      assert.deepEqual(
        requests.map((r) => bodyOf(r).data.seq),
        [0, 1, 2, 3, 4, 0],
      );
    } finally {
      await receiver.close();
    }
  });

  it('validates ordering and orderingKey, on create and on PATCH', async () => {
    const url = 'http://127.0.0.1:9/hook';
    const bad = await svc.api('POST', '/v1/subscriptions', {
      url,
      events: ['job.step'],
      ping: false,
      ordering: 'lifo',
      orderingKey: 'jobId',
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field).sort(), ['ordering', 'orderingKey']);

    const keyWithoutOrder = await svc.api('POST', '/v1/subscriptions', { url, events: ['job.step'], ping: false, orderingKey: '/jobId' });
    assert.equal(keyWithoutOrder.status, 422);
    assert.equal(keyWithoutOrder.body.errors[0].field, 'orderingKey');

    const sub = await createSubscription(svc, { url, events: ['job.step'] });
    assert.equal(sub.ordering, 'none');
    assert.equal(sub.orderingKey, null);
    const fifo = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { ordering: 'fifo', orderingKey: '/job~1id' });
    assert.equal(fifo.status, 200);
    assert.equal(fifo.body.ordering, 'fifo');
    assert.equal(fifo.body.orderingKey, '/job~1id');
    const unordered = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { ordering: 'none' });
    assert.equal(unordered.status, 422, 'a key left on an unordered subscription');
    const cleared = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { ordering: 'none', orderingKey: null });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.ordering, 'none');
  });
});
