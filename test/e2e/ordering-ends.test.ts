import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const seqOf = (r: ReceivedRequest) => (JSON.parse(r.body) as { data: { seq: number } }).data.seq;

/**
 * A FIFO line keeps its order whatever ends in the middle of it (issue 21, point 2): a delivery goes only once
 * every earlier delivery of its line has ended, and an attempt in flight counts until it comes back.
 */
describe('FIFO ordering when deliveries end in the middle of a line', () => {
  let svc: TestService;

  before(async () => {
    // No circuit breaker: the head fails on purpose for as long as the test needs.
    svc = await startService('ordering_ends', { CIRCUIT_FAILURE_THRESHOLD: '0' });
    await createEventType(svc, 'job.step');
  });
  after(async () => svc?.close());

  const delivery = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;

  /**
   * A line of `n` events whose head (seq 0) fails until `succeed()`; the others answer 200. `answers` has the
   * receiver's status for each request, by index.
   */
  async function lineWithFailingHead(n: number) {
    const receiver = await TestReceiver.start();
    let headMaySucceed = false;
    const answers: number[] = [];
    receiver.respond((req, i) => {
      answers[i] = seqOf(req) === 0 && !headMaySucceed ? 500 : 200;
      return { status: answers[i] };
    });
    const sub = await createSubscription(svc, {
      url: receiver.url,
      events: ['job.step'],
      ordering: 'fifo',
      retrySchedule: Array(20).fill(1),
    });
    const events = [];
    for (let seq = 0; seq < n; seq++) events.push(await sendEvent(svc, 'job.step', { seq }));
    const ids = events.map((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.id);
    const headAttempts = async (atLeast: number) =>
      eventually(
        async () => ((await delivery(ids[0])).attemptCount >= atLeast ? true : undefined),
        60_000,
        `the head's attempt ${atLeast}`,
      );
    await headAttempts(2);
    return {
      receiver,
      events,
      ids,
      answers,
      /** Lets the head's retries go on a little (time for anything behind it to slip through), then succeed. */
      async letHeadRetryThenSucceed() {
        await headAttempts((await delivery(ids[0])).attemptCount + 2);
        headMaySucceed = true;
      },
    };
  }

  /** The requests up to the first of `seq`: the head's failures, its success, then `seq` (nothing before it). */
  function assertCameAfterTheHead(receiver: TestReceiver, answers: number[], seq: number) {
    const seqs = receiver.requests.map(seqOf);
    const at = seqs.indexOf(seq);
    assert.ok(at > 0, `#${seq} arrived`);
    assert.deepEqual(
      seqs.slice(0, at).map((s, i) => `${s}:${answers[i]}`),
      [...Array(at - 1).fill('0:500'), '0:200'],
      `#${seq} arrived only after the head succeeded (requests: ${seqs.join(', ')})`,
    );
  }

  it('a cancel in the middle of a line does not let the rest pass a retrying head', async () => {
    const line = await lineWithFailingHead(3);
    try {
      assert.equal((await svc.api('POST', `/v1/deliveries/${line.ids[1]}/cancel`)).status, 200);
      await line.letHeadRetryThenSucceed();
      await eventually(async () => (line.receiver.requests.some((r) => seqOf(r) === 2) ? true : undefined), 60_000, '#2 to arrive');
      assertCameAfterTheHead(line.receiver, line.answers, 2);
      assert.ok(!line.receiver.requests.some((r) => seqOf(r) === 1), 'the cancelled delivery was not sent');
    } finally {
      await line.receiver.close();
    }
  });

  it('forgetting the event of a delivery in the middle (DELETE /v1/events/:id) does not either', async () => {
    const line = await lineWithFailingHead(3);
    try {
      assert.equal((await svc.api('DELETE', `/v1/events/${line.events[1].id}`)).status, 204);
      assert.equal((await delivery(line.ids[1])).status, 'cancelled');
      await line.letHeadRetryThenSucceed();
      await eventually(async () => (line.receiver.requests.some((r) => seqOf(r) === 2) ? true : undefined), 60_000, '#2 to arrive');
      assertCameAfterTheHead(line.receiver, line.answers, 2);
    } finally {
      await line.receiver.close();
    }
  });

  it('a cancelled tail does not close the line: what joins it later still waits for the head', async () => {
    const line = await lineWithFailingHead(2);
    try {
      assert.equal((await svc.api('POST', `/v1/deliveries/${line.ids[1]}/cancel`)).status, 200);
      const again = await svc.api('POST', `/v1/deliveries/${line.ids[1]}/redeliver`);
      assert.equal(again.status, 202);
      await line.letHeadRetryThenSucceed();
      await eventually(
        async () => (line.receiver.requests.some((r) => seqOf(r) === 1) ? true : undefined),
        60_000,
        'the redelivery to arrive',
      );
      assertCameAfterTheHead(line.receiver, line.answers, 1);
    } finally {
      await line.receiver.close();
    }
  });

  it('a cancel during an attempt in flight lets the next go only once that attempt came back', async () => {
    const receiver = await TestReceiver.start();
    const headTakesMs = 3_000;
    receiver.respond((req) => ({ status: 200, delayMs: seqOf(req) === 0 ? headTakesMs : 0 }));
    try {
      const sub = await createSubscription(svc, { url: receiver.url, events: ['job.step'], ordering: 'fifo' });
      const head = (await sendEvent(svc, 'job.step', { seq: 0 })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await sendEvent(svc, 'job.step', { seq: 1 });
      await eventually(async () => (receiver.requests.length === 1 ? true : undefined), 60_000, 'the head to be in flight');
      const cancelled = await svc.api('POST', `/v1/deliveries/${head}/cancel`);
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled', 'the cancel is accepted at once');

      const [first, second] = await receiver.waitForRequests(2, 60_000);
      assert.deepEqual([seqOf(first), seqOf(second)], [0, 1]);
      const answeredAt = first.at + headTakesMs;
      assert.ok(
        second.at >= answeredAt - 50,
        `#1 arrived ${second.at - first.at} ms after #0 was sent, before #0's answer (${headTakesMs} ms)`,
      );
      const ended = await eventually(async () => {
        const d = await svc.api('GET', `/v1/deliveries/${head}`);
        return d.body.attempts.length === 1 ? d.body : undefined;
      });
      assert.equal(ended.status, 'cancelled', 'the attempt in flight was recorded; the delivery stays cancelled');
    } finally {
      await receiver.close();
    }
  });
});
