import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const seqOf = (r: ReceivedRequest) => (JSON.parse(r.body) as { data: { seq: number } }).data.seq;

/**
 * FIFO lines people can steer (issue 26, point 3): `fifoOnFailure: "block"` stops a line at a head that exhausted
 * its retries until a person redelivers or skips it; `GET .../lines` shows each line's head and how many wait;
 * `POST .../lines/skip` moves a line on. Whatever ends the head, the rest keep their order.
 */
describe('FIFO lines: block on failure, list, skip', () => {
  let svc: TestService;

  before(async () => {
    // No circuit breaker: the head fails on purpose for as long as the test needs.
    svc = await startService('fifo_lines', { CIRCUIT_FAILURE_THRESHOLD: '0' });
    await createEventType(svc, 'job.step');
  });
  after(async () => svc?.close());

  const delivery = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;

  /**
   * A line `job` of `n` events whose head (seq 0) fails until `headMaySucceed()`; the others answer 200.
   * `answers` has the receiver's status for each request, by index.
   */
  async function lineWithFailingHead(n: number, sub: Record<string, unknown>) {
    const receiver = await TestReceiver.start();
    let headSucceeds = false;
    const answers: number[] = [];
    receiver.respond((req, i) => {
      answers[i] = seqOf(req) === 0 && !headSucceeds ? 500 : 200;
      return { status: answers[i] };
    });
    const created = await createSubscription(svc, {
      url: receiver.url,
      events: ['job.step'],
      ordering: 'fifo',
      orderingKey: '/job',
      ...sub,
    });
    const ids: string[] = [];
    for (let seq = 0; seq < n; seq++)
      ids.push((await sendEvent(svc, 'job.step', { job: 'j1', seq })).deliveries.find((d) => d.subscriptionId === created.id)!.id);
    return {
      sub: created,
      receiver,
      ids,
      answers,
      headMaySucceed: () => void (headSucceeds = true),
      seqs: () => receiver.requests.map(seqOf),
    };
  }

  const arrived = (line: { seqs: () => number[] }, seq: number) =>
    eventually(async () => (line.seqs().includes(seq) ? true : undefined), 60_000, `#${seq} to arrive`);

  it('block: an exhausted head ends failed and its line waits (blocked-line) until a redelivery of it succeeds', async () => {
    const line = await lineWithFailingHead(3, { fifoOnFailure: 'block', retrySchedule: [1] });
    try {
      assert.equal(line.sub.fifoOnFailure, 'block');
      const head = await eventually(
        async () => ((await delivery(line.ids[0])).status === 'failed' ? true : undefined),
        60_000,
        'the head to fail',
      );
      assert.ok(head);
      const behind = await eventually(
        async () => {
          const d = await delivery(line.ids[1]);
          return d.waitingFor === 'blocked-line' ? d : undefined;
        },
        60_000,
        '#1 to say blocked-line',
      );
      assert.equal(behind.status, 'scheduled');

      const lines = await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines`);
      assert.equal(lines.status, 200);
      assert.deepEqual(lines.body, {
        data: [{ orderingKey: 'j1', head: { id: line.ids[0], status: 'failed', attemptCount: 2 }, blocked: true, waiting: 2 }],
        nextCursor: null,
      });
      const stuck = await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines?stuck=true`);
      assert.deepEqual(
        stuck.body.data.map((l: { orderingKey: string }) => l.orderingKey),
        ['j1'],
      );
      assert.deepEqual(line.seqs(), [0, 0], 'nothing behind the blocked head was sent');

      line.headMaySucceed();
      const again = await svc.api('POST', `/v1/deliveries/${line.ids[0]}/redeliver`);
      assert.equal(again.status, 202);
      await arrived(line, 2);
      assert.deepEqual(
        line.seqs().map((s, i) => `${s}:${line.answers[i]}`),
        ['0:500', '0:500', '0:200', '1:200', '2:200'],
      );
      await eventually(async () =>
        (await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines`)).body.data.length === 0 ? true : undefined,
      );
    } finally {
      await line.receiver.close();
    }
  });

  it('block: a redelivery that exhausts its retries too blocks the line again', async () => {
    const line = await lineWithFailingHead(2, { fifoOnFailure: 'block', retrySchedule: [] });
    try {
      await eventually(async () => ((await delivery(line.ids[0])).status === 'failed' ? true : undefined), 60_000, 'the head to fail');
      const again = await svc.api('POST', `/v1/deliveries/${line.ids[0]}/redeliver`);
      assert.equal(again.status, 202);
      await eventually(
        async () => ((await delivery(again.body.id)).status === 'failed' ? true : undefined),
        60_000,
        'the redelivery to fail',
      );
      const lines = await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines`);
      assert.deepEqual(lines.body.data, [
        { orderingKey: 'j1', head: { id: again.body.id, status: 'failed', attemptCount: 1 }, blocked: true, waiting: 1 },
      ]);
      assert.deepEqual(line.seqs(), [0, 0], '#1 waits behind the failed redelivery');
      // A person gives up on the event: the line goes on.
      const skipped = await svc.api('POST', `/v1/subscriptions/${line.sub.id}/lines/skip`, { orderingKey: 'j1' });
      assert.equal(skipped.status, 200);
      await arrived(line, 1);
    } finally {
      await line.receiver.close();
    }
  });

  it('block then skip: the failed head ends cancelled (skipped) and the rest go in order', async () => {
    const line = await lineWithFailingHead(3, { fifoOnFailure: 'block', retrySchedule: [1] });
    try {
      await eventually(async () => ((await delivery(line.ids[0])).status === 'failed' ? true : undefined), 60_000, 'the head to fail');
      const skipped = await svc.api('POST', `/v1/subscriptions/${line.sub.id}/lines/skip`, { orderingKey: 'j1' });
      assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
      assert.deepEqual(skipped.body, { skipped: line.ids[0], next: line.ids[1] });
      const head = await delivery(line.ids[0]);
      assert.deepEqual([head.status, head.cancelReason, head.attemptCount], ['cancelled', 'skipped', 2]);
      await arrived(line, 2);
      assert.deepEqual(line.seqs(), [0, 0, 1, 2]);
      const none = await svc.api('POST', `/v1/subscriptions/${line.sub.id}/lines/skip`, { orderingKey: 'j9' });
      assert.equal(none.status, 404);
    } finally {
      await line.receiver.close();
    }
  });

  it('skip (fifoOnFailure skip): a retrying head is cancelled, its backoff cut short, and the next goes at once', async () => {
    const line = await lineWithFailingHead(2, { retrySchedule: [3600] });
    try {
      assert.equal(line.sub.fifoOnFailure, 'skip', 'skip is the default');
      await eventually(async () => ((await delivery(line.ids[0])).status === 'retrying' ? true : undefined), 60_000, 'the head to retry');
      const stuck = await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines?stuck=true`);
      assert.deepEqual(stuck.body.data, [
        { orderingKey: 'j1', head: { id: line.ids[0], status: 'retrying', attemptCount: 1 }, blocked: false, waiting: 1 },
      ]);
      const skipped = await svc.api('POST', `/v1/subscriptions/${line.sub.id}/lines/skip`, { orderingKey: 'j1' });
      assert.equal(skipped.status, 200);
      await arrived(line, 1);
      assert.deepEqual(line.seqs(), [0, 1]);
      const head = await delivery(line.ids[0]);
      assert.deepEqual([head.status, head.cancelReason], ['cancelled', 'skipped']);
    } finally {
      await line.receiver.close();
    }
  });

  it('skip of a head whose attempt is in flight is 409 and changes nothing; the line keeps its order', async () => {
    const receiver = await TestReceiver.start();
    const headTakesMs = 3_000;
    receiver.respond((req) => ({ status: 200, delayMs: seqOf(req) === 0 ? headTakesMs : 0 }));
    try {
      const sub = await createSubscription(svc, { url: receiver.url, events: ['job.step'], ordering: 'fifo', orderingKey: '/job' });
      const head = (await sendEvent(svc, 'job.step', { job: 'j2', seq: 0 })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await sendEvent(svc, 'job.step', { job: 'j2', seq: 1 });
      await eventually(async () => (receiver.requests.length === 1 ? true : undefined), 60_000, 'the head to be in flight');
      const refused = await svc.api('POST', `/v1/subscriptions/${sub.id}/lines/skip`, { orderingKey: 'j2' });
      assert.equal(refused.status, 409);
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(refused.body.detail, /in flight/);
      const [first, second] = await receiver.waitForRequests(2, 60_000);
      assert.deepEqual([seqOf(first), seqOf(second)], [0, 1]);
      assert.equal((await delivery(head)).status, 'succeeded', 'the refused skip changed nothing');
    } finally {
      await receiver.close();
    }
  });

  it('switching block to skip releases lines already blocked: the head stays failed, the rest go in order', async () => {
    const line = await lineWithFailingHead(3, { fifoOnFailure: 'block', retrySchedule: [] });
    try {
      await eventually(async () => ((await delivery(line.ids[0])).status === 'failed' ? true : undefined), 60_000, 'the head to fail');
      await eventually(
        async () => ((await delivery(line.ids[1])).waitingFor === 'blocked-line' ? true : undefined),
        60_000,
        '#1 to say blocked-line',
      );
      const patched = await svc.api('PATCH', `/v1/subscriptions/${line.sub.id}`, { fifoOnFailure: 'skip' });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.fifoOnFailure, 'skip');
      await arrived(line, 2);
      assert.deepEqual(line.seqs(), [0, 1, 2], 'the rest in order, the failed head not sent again');
      const head = await delivery(line.ids[0]);
      assert.deepEqual([head.status, head.attemptCount, head.cancelReason ?? null], ['failed', 1, null], 'the head keeps its end');
      await eventually(async () =>
        (await svc.api('GET', `/v1/subscriptions/${line.sub.id}/lines`)).body.data.length === 0 ? true : undefined,
      );
    } finally {
      await line.receiver.close();
    }
  });

  it('a head whose last attempt fails inside the service (error internal) blocks its line; a full portal link skips it', async () => {
    const receiver = await TestReceiver.start();
    try {
      const sub = await createSubscription(svc, {
        url: receiver.url,
        events: ['job.step'],
        ordering: 'fifo',
        orderingKey: '/job',
        fifoOnFailure: 'block',
      });
      // A secret no key opens: every try of the attempt throws, and the fifth records error `internal`.
      const [{ secret }] = await svc.db.query(`SELECT secret FROM subscriptions WHERE id = $1`, [sub.id]);
      await svc.db.query(`UPDATE subscriptions SET secret = 'v1:nokey:AAAA' WHERE id = $1`, [sub.id]);
      const head = (await sendEvent(svc, 'job.step', { job: 'j3', seq: 0 })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      const failed = await eventually(
        async () => {
          const d = await delivery(head);
          return d.status === 'failed' ? d : undefined;
        },
        90_000,
        'the head to fail inside the service',
      );
      assert.equal(failed.attempts[0].error.type, 'internal');
      // The secret mended, the next event of the line waits for a person rather than passing the failed head.
      await svc.db.query(`UPDATE subscriptions SET secret = $2 WHERE id = $1`, [sub.id, secret]);
      const next = (await sendEvent(svc, 'job.step', { job: 'j3', seq: 1 })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await eventually(
        async () => ((await delivery(next)).waitingFor === 'blocked-line' ? true : undefined),
        60_000,
        '#1 to say blocked-line',
      );
      const lines = await svc.api('GET', `/v1/subscriptions/${sub.id}/lines`);
      assert.deepEqual(lines.body.data, [
        { orderingKey: 'j3', head: { id: head, status: 'failed', attemptCount: 1 }, blocked: true, waiting: 1 },
      ]);

      const link = async (readOnly: boolean) => (await svc.api('POST', '/v1/portal-sessions', { readOnly })).body.token as string;
      const refused = await svc.api('POST', `/v1/subscriptions/${sub.id}/lines/skip`, { orderingKey: 'j3' }, { key: await link(true) });
      assert.equal(refused.status, 403);
      assert.match(refused.body.detail, /`subscriptions`/);
      const skipped = await svc.api('POST', `/v1/subscriptions/${sub.id}/lines/skip`, { orderingKey: 'j3' }, { key: await link(false) });
      assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
      assert.deepEqual(skipped.body, { skipped: head, next });
      await eventually(async () => ((await delivery(next)).status === 'succeeded' ? true : undefined), 60_000, '#1 to succeed');
      assert.deepEqual(receiver.requests.map(seqOf), [1], 'only the next was sent');
    } finally {
      await receiver.close();
    }
  });

  it('deleting a subscription with a blocked line cancels what waits in it', async () => {
    const line = await lineWithFailingHead(2, { fifoOnFailure: 'block', retrySchedule: [] });
    try {
      await eventually(async () => ((await delivery(line.ids[0])).status === 'failed' ? true : undefined), 60_000, 'the head to fail');
      assert.equal((await svc.api('DELETE', `/v1/subscriptions/${line.sub.id}`)).status, 204);
      assert.equal((await delivery(line.ids[1])).status, 'cancelled');
      assert.equal((await delivery(line.ids[0])).status, 'failed', 'the failed head keeps its end');
    } finally {
      await line.receiver.close();
    }
  });

  it('lists lines by key, a page at a time; ?stuck=true leaves out lines whose head has not failed', async () => {
    const sub = await createSubscription(svc, {
      url: 'http://127.0.0.1:9/never',
      events: ['job.step'],
      ordering: 'fifo',
      orderingKey: '/job',
    });
    // Paused: every delivery is held and holds its line, nothing is attempted.
    assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`)).status, 200);
    for (const job of ['b', 'a', 'c', 'a']) await sendEvent(svc, 'job.step', { job, seq: 0 });
    const first = await svc.api('GET', `/v1/subscriptions/${sub.id}/lines?limit=2`);
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.data.map((l: { orderingKey: string; waiting: number }) => [l.orderingKey, l.waiting]),
      [
        ['a', 1],
        ['b', 0],
      ],
    );
    assert.match(first.body.nextCursor, /^ln_/);
    const second = await svc.api('GET', `/v1/subscriptions/${sub.id}/lines?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.data.map((l: { orderingKey: string }) => l.orderingKey),
      ['c'],
    );
    assert.equal(second.body.nextCursor, null);
    const stuck = await svc.api('GET', `/v1/subscriptions/${sub.id}/lines?stuck=true`);
    assert.deepEqual(stuck.body, { data: [], nextCursor: null });
  });

  it('bad input: problem+json naming every bad field, 404 for another line or subscription', async () => {
    const sub = await createSubscription(svc, { url: 'http://127.0.0.1:9/x', events: ['job.step'], ordering: 'fifo' });
    const noBody = await svc.api('POST', `/v1/subscriptions/${sub.id}/lines/skip`, { orderingKey: 7, extra: true });
    assert.equal(noBody.status, 422);
    assert.deepEqual(noBody.body.errors.map((e: { field: string }) => e.field).sort(), ['extra', 'orderingKey'].sort());
    const badQuery = await svc.api('GET', `/v1/subscriptions/${sub.id}/lines?stuck=maybe&limit=0&cursor=zzz`);
    assert.equal(badQuery.status, 422);
    assert.deepEqual(badQuery.body.errors.map((e: { field: string }) => e.field).sort(), ['cursor', 'limit', 'stuck']);
    assert.equal((await svc.api('POST', `/v1/subscriptions/${sub.id}/lines/skip`, { orderingKey: 'none-here' })).status, 404);
    assert.equal((await svc.api('GET', `/v1/subscriptions/sub_00000000000000000000000000/lines`)).status, 404);
    const unordered = await svc.api('POST', '/v1/subscriptions', {
      url: 'http://127.0.0.1:9/x',
      events: ['job.step'],
      fifoOnFailure: 'block',
      ping: false,
    });
    assert.equal(unordered.status, 422);
    assert.deepEqual(
      unordered.body.errors.map((e: { field: string }) => e.field),
      ['fifoOnFailure'],
    );
    const bogus = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { fifoOnFailure: 'wait' });
    assert.equal(bogus.status, 422);
    assert.deepEqual(
      bogus.body.errors.map((e: { field: string }) => e.field),
      ['fifoOnFailure'],
    );
    const patched = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { fifoOnFailure: 'block' });
    assert.equal(patched.body.fifoOnFailure, 'block');
  });
});
