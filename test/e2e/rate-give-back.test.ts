import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { admitFlow } from '../../activities/flow-control.js';
import { recordNoAttempt, recordWait } from '../../src/database/delivery-store/index.js';
import type { DeliveryContext } from '../../activities/delivery-context.js';

/**
 * A delivery that leaves its subscription's rate queue without going gives its place back (issue 21, point 5):
 * with `perSecond: 1`, 60 batched deliveries cancelled used to keep a new event to an idle receiver waiting 55 s.
 */
describe('rate limit places of deliveries that do not go', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('rate_give_back');
    await createEventType(svc, 'job.done');
  });
  after(async () => svc?.close());

  /** A subscription at one request a second with 60 batched deliveries: one sent, 59 waiting for their slots. */
  async function queueOf60(receiver: TestReceiver) {
    const sub = await createSubscription(svc, { url: receiver.url, events: ['job.done'], rateLimit: { perSecond: 1 } });
    const res = await svc.api('POST', '/v1/events/batch', {
      events: Array.from({ length: 60 }, (_, i) => ({ type: 'job.done', data: { i } })),
    });
    assert.equal(res.status, 202);
    const waiting = await eventually(
      async () => {
        const list = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=100`);
        const ids = list.body.data.filter((d: { waitingFor: string | null }) => d.waitingFor === 'rate').map((d: { id: string }) => d.id);
        return ids.length >= 50 ? (ids as string[]) : undefined;
      },
      90_000,
      'the deliveries to wait for their rate slots',
    );
    return { sub, waiting };
  }

  /**
   * Cancels every delivery of the subscription that has not ended (a busy machine may send some meanwhile: those
   * answer 409), until none is left; answers how many it cancelled.
   */
  const cancelAll = async (subId: string) => {
    let cancelled = 0;
    for (;;) {
      const list = await svc.api('GET', `/v1/subscriptions/${subId}/deliveries?limit=100`);
      const open = list.body.data.filter((d: { status: string }) => !['succeeded', 'failed', 'cancelled'].includes(d.status));
      if (open.length === 0) break;
      for (const d of open) {
        const res = await svc.api('POST', `/v1/deliveries/${d.id}/cancel`);
        assert.ok(res.status === 200 || res.status === 409, JSON.stringify(res.body));
        if (res.status === 200) cancelled++;
      }
    }
    assert.ok(cancelled >= 40, `only ${cancelled} could be cancelled`);
    return cancelled;
  };

  /**
   * Sends one event and answers how long it took to arrive. Before the fix it waited for the slots of the
   * cancelled deliveries (about a minute); 10 s leaves room for a busy machine's start of a workflow.
   */
  async function waitOfANewEvent(receiver: TestReceiver): Promise<number> {
    const before = receiver.requests.length;
    const sentAt = Date.now();
    const event = await sendEvent(svc, 'job.done', { i: 'new' });
    const arrived = await eventually(
      async () => receiver.requests.slice(before).find((r) => r.headers['webhook-id'] === event.id),
      90_000,
      'the new event to arrive',
    );
    return arrived.at - sentAt;
  }

  it('60 cancelled deliveries leave no wait behind them', async (t) => {
    const receiver = await TestReceiver.start();
    try {
      const { sub } = await queueOf60(receiver);
      const cancelled = await cancelAll(sub.id);
      const waitMs = await waitOfANewEvent(receiver);
      t.diagnostic(`a new event after ${cancelled} cancellations arrived in ${waitMs} ms`);
      assert.ok(waitMs < 10_000, `a new event waited ${waitMs} ms behind cancelled deliveries`);
    } finally {
      await receiver.close();
    }
  });

  it('nor after pause, cancel and resume', async (t) => {
    const receiver = await TestReceiver.start();
    try {
      const { sub } = await queueOf60(receiver);
      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
      const cancelled = await cancelAll(sub.id);
      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`)).status, 200);
      const waitMs = await waitOfANewEvent(receiver);
      t.diagnostic(`a new event after pause, ${cancelled} cancellations and resume arrived in ${waitMs} ms`);
      assert.ok(waitMs < 10_000, `a new event waited ${waitMs} ms`);
    } finally {
      await receiver.close();
    }
  });

  it('deliveries held by a pause, deferred by the circuit or by a throttle give their slots back', async (t) => {
    // The admissions themselves, on the service's database: a paused subscription's deliveries are written held
    // and their workflows wait for a resume, so only these calls move them.
    await createEventType(svc, 'job.queued');
    const sub = await createSubscription(svc, { url: 'http://127.0.0.1:9/hook', events: ['job.queued'], rateLimit: { perSecond: 1 } });
    assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
    const res = await svc.api('POST', '/v1/events/batch', {
      events: Array.from({ length: 61 }, (_, i) => ({ type: 'job.queued', data: { i } })),
    });
    assert.equal(res.status, 202);
    const ids: string[] = res.body.data.map(
      (e: { deliveries: { id: string; subscriptionId: string }[] }) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.id,
    );
    const ctx = (deliveryId: string) =>
      ({
        deliveryId,
        subscriptionId: sub.id,
        ratePerSecond: 1,
        rateBurst: 1,
        rateSlotWaitMs: null,
        maxConcurrency: null,
        timeoutMs: 1000,
      }) as DeliveryContext;
    const admissions = [];
    for (const id of ids.slice(0, 60)) admissions.push(await admitFlow(svc.db, ctx(id)));
    assert.equal(admissions[0].go, true);
    const last = admissions[59];
    assert.ok(!last.go && last.delayMs > 50_000, `the 60th waits for its slot (${JSON.stringify(last)})`);

    // A third of them held (the subscription paused), a third deferred by the circuit, a third by a throttle.
    const later = new Date(Date.now() + 60_000);
    for (const [i, id] of ids.slice(1, 60).entries()) {
      if (i % 3 === 0) await recordNoAttempt(svc.db, id, 'held');
      else if (i % 3 === 1) await recordNoAttempt(svc.db, id, 'retrying', later);
      else await recordWait(svc.db, id, 'throttled', later);
    }
    const next = await admitFlow(svc.db, ctx(ids[60]));
    const waitMs = next.go ? 0 : next.delayMs;
    t.diagnostic(`a new delivery after 59 slots left by holds and deferrals waits ${waitMs} ms`);
    assert.ok(waitMs <= 1_000, `it waits ${waitMs} ms behind slots no one will use`);
  });
});
