import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

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
        return ids.length >= 55 ? (ids as string[]) : undefined;
      },
      30_000,
      'the deliveries to wait for their rate slots',
    );
    return { sub, waiting };
  }

  /** Cancels what still waits (a busy machine may send some meanwhile: those answer 409); answers how many. */
  const cancelAll = async (ids: string[]) => {
    let cancelled = 0;
    for (const id of ids) {
      const res = await svc.api('POST', `/v1/deliveries/${id}/cancel`);
      assert.ok(res.status === 200 || (res.status === 409 && res.body.detail.includes('succeeded')), JSON.stringify(res.body));
      if (res.status === 200) cancelled++;
    }
    assert.ok(cancelled >= 40, `only ${cancelled} could be cancelled`);
    return cancelled;
  };

  /** Sends one event and answers how long it took to arrive. */
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
      const { waiting } = await queueOf60(receiver);
      const cancelled = await cancelAll(waiting);
      const waitMs = await waitOfANewEvent(receiver);
      t.diagnostic(`a new event after ${cancelled} cancellations arrived in ${waitMs} ms`);
      assert.ok(waitMs < 3_000, `a new event waited ${waitMs} ms behind cancelled deliveries`);
    } finally {
      await receiver.close();
    }
  });

  it('nor after pause, cancel and resume', async (t) => {
    const receiver = await TestReceiver.start();
    try {
      const { sub, waiting } = await queueOf60(receiver);
      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
      const cancelled = await cancelAll(waiting);
      assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`)).status, 200);
      const waitMs = await waitOfANewEvent(receiver);
      t.diagnostic(`a new event after pause, ${cancelled} cancellations and resume arrived in ${waitMs} ms`);
      assert.ok(waitMs < 3_000, `a new event waited ${waitMs} ms`);
    } finally {
      await receiver.close();
    }
  });
});
