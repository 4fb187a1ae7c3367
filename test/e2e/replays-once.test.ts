import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { DeliveryDispatcher } from '../../src/dispatch/delivery-dispatcher.js';
import { newId } from '../../src/common/ids.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** Failed deliveries in the large recover: past Postgres's 65,535 parameters of one statement. */
const RECOVER_SCALE = Number(process.env['SCALE_RECOVER'] ?? 70_000);

describe('replays and recover send each delivery once: originals only, bounded, cancellable; forgetting wins over attempts', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let tenantId: string;

  before(async () => {
    svc = await startService('replays-once');
    receiver = await TestReceiver.start();
    // /echo answers slowly, quoting what it got (as some receivers do); everything else answers at once.
    receiver.respond((req) =>
      req.path === '/echo' ? { status: 200, body: `got ${req.body}`, delayMs: 1500 } : { status: 200, body: 'ok' },
    );
    for (const type of ['once.a', 'once.b', 'once.bulk', 'once.small', 'once.echo', 'once.purged']) await createEventType(svc, type);
    [{ tenant_id: tenantId }] = await svc.db.query(`SELECT id AS tenant_id FROM tenants LIMIT 1`);
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const replayOf = async (id: string) => (await svc.api('GET', `/v1/replays/${id}`)).body;
  const deliveryOf = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;
  const requestsFor = (eventId: string, path: string) =>
    receiver.requests.filter((r) => r.path === path && r.headers['webhook-id'] === eventId).length;
  const ended = (id: string) =>
    eventually(
      async () => {
        const d = await deliveryOf(id);
        return ['succeeded', 'failed', 'cancelled'].includes(d.status) ? d : undefined;
      },
      60_000,
      `delivery ${id} to end`,
    );
  const completed = (id: string) =>
    eventually(
      async () => {
        const r = await replayOf(id);
        return r.status === 'running' ? undefined : r;
      },
      120_000,
      `replay ${id} to end`,
    );

  /**
   * `count` deliveries that ended failed, written as the service writes them (by generate_series: cheap at any size).
   * Their ids start with the time of now, as newId's do: searches and replays bound their walk by it.
   */
  async function failedDeliveries(subscriptionId: string, type: string, count: number, tag: string): Promise<void> {
    const time = newId('evt').slice('evt_'.length, 'evt_'.length + 10);
    await svc.db.query(
      `WITH e AS (
         INSERT INTO events (id, tenant_id, type, data, occurred_at)
         SELECT 'evt_' || $6 || $5 || lpad(n::text, 8, '0'), $1, $3, jsonb_build_object('n', n), now() FROM generate_series(1, $2) AS n
         RETURNING id)
       INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, last_status_code, dispatched, completed_at)
       SELECT 'dlv_' || substr(e.id, 5), $1, e.id, $4, $3, 'event', 'failed', 1, 500, true, now() FROM e`,
      [tenantId, count, type, subscriptionId, tag, time],
    );
  }

  it('a replay names originals only (no ping, test send, redelivery or cancelled one unless asked), dryRun says so, no filter is refused', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const a = await createSubscription(svc, { url: `${receiver.url}/a`, events: ['once.a'], ping: true });
    const paused = await createSubscription(svc, { url: `${receiver.url}/b`, events: ['once.b'] });
    await svc.api('POST', `/v1/subscriptions/${paused.id}/pause`);
    const e1 = await sendEvent(svc, 'once.a', { n: 1 });
    const e2 = await sendEvent(svc, 'once.a', { n: 2 });
    await Promise.all([ended(e1.deliveries[0].id), ended(e2.deliveries[0].id)]);
    assert.equal((await svc.api('POST', `/v1/subscriptions/${a.id}/test`, {})).status, 200);
    const redelivery = await svc.api('POST', `/v1/deliveries/${e1.deliveries[0].id}/redeliver`);
    assert.equal(redelivery.status, 202);
    await ended(redelivery.body.id);
    const e3 = await sendEvent(svc, 'once.b', { n: 3 });
    assert.equal((await svc.api('POST', `/v1/deliveries/${e3.deliveries[0].id}/cancel`)).status, 200);

    const dry = await svc.api('POST', '/v1/replays', { since, dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    // e1 and e2 to /a; not the ping, the test send, e1's redelivery, nor e3's cancelled delivery.
    assert.equal(
      dry.body.count,
      2,
      `named ${JSON.stringify(dry.body.sample.map((d: { kind: string; status: string }) => `${d.kind}/${d.status}`))}`,
    );
    assert.equal(dry.body.kind, 'event');
    assert.equal(dry.body.includesCancelled, false);
    assert.deepEqual(dry.body.wouldSkip, { alreadyResent: 1, purged: 0, subscriptionDeleted: 0 }, 'e1 was sent again already');
    assert.equal(dry.body.wouldSend, 1);
    // The cut is Postgres's now (the clock of created_at), even when `until` lies ahead of it.
    const [{ now: before }]: { now: Date }[] = await svc.db.query(`SELECT now()`);
    const cut = await svc.api('POST', '/v1/replays', { since, until: '2999-01-01T00:00:00.000Z', dryRun: true });
    const [{ now: afterwards }]: { now: Date }[] = await svc.db.query(`SELECT now()`);
    const cutMs = Date.parse(cut.body.createdBefore);
    assert.ok(cutMs >= before.getTime() && cutMs <= afterwards.getTime(), `cut ${cut.body.createdBefore}`);
    const cancelled = await svc.api('POST', '/v1/replays', { since, status: 'cancelled', dryRun: true });
    assert.deepEqual([cancelled.body.count, cancelled.body.includesCancelled], [1, true]);
    const pings = await svc.api('POST', '/v1/replays', { since, kind: 'ping', dryRun: true });
    assert.deepEqual([pings.body.count, pings.body.kind], [1, 'ping']);

    for (const body of [{}, { dryRun: true }]) {
      const refused = await svc.api('POST', '/v1/replays', body);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.errors.map((e: { field: string }) => e.field),
        ['(body)'],
      );
      assert.match(refused.body.errors[0].message, /at least one filter/);
    }

    // Five overlapping replays (no idempotency key) of the same window: e2 goes once more, e1 not at all.
    const replays = await Promise.all(Array.from({ length: 5 }, () => svc.api('POST', '/v1/replays', { since })));
    assert.deepEqual(
      replays.map((r) => r.status),
      [202, 202, 202, 202, 202],
    );
    const done = await Promise.all(replays.map((r) => completed(r.body.id)));
    assert.deepEqual(
      done.map((r) => r.status),
      Array(5).fill('completed'),
    );
    assert.equal(
      done.reduce((n, r) => n + r.sent, 0),
      1,
      `sent by the five: ${done.map((r) => r.sent).join(', ')}`,
    );
    // Once every redelivery made has ended, the receiver has everything the replays sent.
    await eventually(
      async () => {
        const [{ n }] = await svc.db.query(
          `SELECT count(*)::int AS n FROM deliveries WHERE kind = 'redelivery' AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
        );
        return n === 0 ? true : undefined;
      },
      60_000,
      'the redeliveries to end',
    );
    assert.equal(requestsFor(e2.id, '/a'), 2, 'e2: the original and one replay');
    assert.equal(requestsFor(e1.id, '/a'), 2, 'e1: the original and its redelivery, no replay');
    assert.equal(requestsFor(e3.id, '/b'), 0, 'the cancelled delivery is not sent');
  });

  it('an attempt of an event forgotten after its redelivery was checked sends nothing and ends cancelled', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/purged`, events: ['once.purged'] });
    const event = await sendEvent(svc, 'once.purged', { secret: 'forget me' });
    await ended(event.deliveries[0].id);
    assert.equal((await svc.api('DELETE', `/v1/events/${event.id}`)).status, 204);
    // The redelivery's insert landing after the forget committed (its purge check came before): written as
    // writeRedeliveries writes it, then started.
    const id = newId('dlv');
    await svc.db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status)
       VALUES ($1, $2, $3, $4, 'once.purged', 'redelivery', 'scheduled')`,
      [id, tenantId, event.id, sub.id],
    );
    svc.app.get(DeliveryDispatcher).enqueue([{ id, tenantId, subscriptionId: sub.id, eventType: 'once.purged', status: 'scheduled' }]);
    const d = await ended(id);
    assert.equal(d.status, 'cancelled', `the redelivery of a forgotten event ended ${d.status}`);
    assert.equal(d.attemptCount, 0);
    assert.equal(requestsFor(event.id, '/purged'), 1, 'only the original was sent');
  });

  it('forgetting an event during an attempt: nothing of the answer is kept after the forget', async () => {
    await createSubscription(svc, { url: `${receiver.url}/echo`, events: ['once.echo'] });
    const event = await sendEvent(svc, 'once.echo', { quote: 'personal data' });
    const dlv = event.deliveries[0].id;
    // The receiver has the request and answers in 1.5 s: forget the event meanwhile.
    await eventually(async () => (requestsFor(event.id, '/echo') === 1 ? true : undefined), 30_000, 'the attempt to reach the receiver');
    assert.equal((await svc.api('DELETE', `/v1/events/${event.id}`)).status, 204);
    const attempt = await eventually(async () => (await deliveryOf(dlv)).attempts[0], 30_000, 'the attempt on record');
    const d = await deliveryOf(dlv);
    assert.equal(d.status, 'cancelled');
    assert.equal(attempt.responseBody, null, `the answer was stored after the forget: ${attempt.responseBody}`);
    assert.equal(attempt.response.headers, null);
    const rows: { row: string }[] = await svc.db.query(`SELECT row_to_json(a)::text AS row FROM attempts a WHERE delivery_id = $1`, [dlv]);
    assert.ok(!rows[0].row.includes('personal data'), rows[0].row);
  });

  it('a replay can be cancelled; one whose workflow was terminated reports failed', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/held`, events: ['once.small'] });
    await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    await failedDeliveries(sub.id, 'once.small', 2000, 'can');
    const client = svc.app.get(Client);

    const started = await svc.api('POST', '/v1/replays', { subscriptionId: sub.id });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const cancel = await svc.api('POST', `/v1/replays/${started.body.id}/cancel`);
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    assert.equal(cancel.body.status, 'cancelled');
    await client.workflow.getHandle(started.body.workflowId).result();
    const after = await replayOf(started.body.id);
    assert.equal(after.status, 'cancelled');
    assert.ok(after.sent < after.total, `${after.sent} of ${after.total} sent`);
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND kind = 'redelivery'`, [
      sub.id,
    ]);
    assert.equal(n, after.sent, 'no redelivery made after the cancel');
    assert.equal((await svc.api('POST', `/v1/replays/${started.body.id}/cancel`)).status, 200, 'a repeat answers the same');

    const second = await svc.api('POST', '/v1/replays', { subscriptionId: sub.id });
    assert.equal(second.status, 202);
    await client.workflow.getHandle(second.body.workflowId).terminate('an operator stops it');
    const failed = await replayOf(second.body.id);
    assert.equal(failed.status, 'failed', `a replay whose workflow was terminated shows ${failed.status}`);
    assert.ok(failed.completedAt);
    assert.equal((await svc.api('POST', `/v1/replays/${second.body.id}/cancel`)).status, 409);
  });

  it(`recover of ${RECOVER_SCALE} failed deliveries: a bounded answer, a repeat joins the same replay, each sent again once`, async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/bulk`, events: ['once.bulk'] });
    await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    await failedDeliveries(sub.id, 'once.bulk', RECOVER_SCALE, 'bulk');
    const window = { since: new Date(Date.now() - 3_600_000).toISOString() };

    // A dry run of that window counts up to its cap and says there are more.
    const dry = await svc.api('POST', '/v1/replays', { ...window, subscriptionId: sub.id, status: 'failed', dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body).slice(0, 500));
    assert.deepEqual(
      { count: dry.body.count, countCapped: dry.body.countCapped, wouldSend: dry.body.wouldSend },
      { count: Math.min(RECOVER_SCALE, 10_000), countCapped: RECOVER_SCALE > 10_000, wouldSend: Math.min(RECOVER_SCALE, 10_000) },
    );

    const t0 = Date.now();
    const first = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, window);
    const firstMs = Date.now() - t0;
    assert.equal(first.status, 202, JSON.stringify(first.body).slice(0, 500));
    assert.equal(first.body.redelivered, RECOVER_SCALE);
    assert.ok(JSON.stringify(first.body).length < 2000, 'the answer does not grow with the window');
    const again = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, window);
    assert.equal(again.status, 202, JSON.stringify(again.body).slice(0, 500));
    assert.equal(again.body.replay.id, first.body.replay.id, 'the repeat joins the running recover');
    console.log(`# recover of ${RECOVER_SCALE}: answered in ${firstMs} ms`);

    // Let it work a while, then stop it: what it made so far is one redelivery per failed delivery at most.
    await eventually(
      async () => ((await replayOf(first.body.replay.id)).sent >= 300 ? true : undefined),
      120_000,
      'the recover to progress',
    );
    assert.equal((await svc.api('POST', `/v1/replays/${first.body.replay.id}/cancel`)).status, 200);
    await svc.app.get(Client).workflow.getHandle(first.body.replay.workflowId).result();
    const stopped = await replayOf(first.body.replay.id);
    const [counts] = await svc.db.query(
      `SELECT count(*)::int AS redeliveries, count(DISTINCT redelivery_of)::int AS originals FROM deliveries WHERE subscription_id = $1 AND kind = 'redelivery'`,
      [sub.id],
    );
    assert.deepEqual(counts, { redeliveries: stopped.sent, originals: stopped.sent });
  });

  it('recover called twice sends each failed delivery of the window again exactly once', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/small`, events: ['once.small'] });
    await failedDeliveries(sub.id, 'once.small', 300, 'small');
    const window = { since: new Date(Date.now() - 3_600_000).toISOString() };
    const first = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, window);
    assert.equal(first.status, 202, JSON.stringify(first.body));
    assert.equal(first.body.redelivered, 300);
    await completed(first.body.replay.id);
    await eventually(async () => (receiver.requests.filter((r) => r.path === '/small').length >= 300 ? true : undefined), 60_000);
    await eventually(
      async () => {
        const [{ n }] = await svc.db.query(
          `SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND kind = 'redelivery' AND status = 'succeeded'`,
          [sub.id],
        );
        return n === 300 ? true : undefined;
      },
      60_000,
      'the redeliveries to succeed',
    );
    // The retry a client makes after a lost answer (or a 503): nothing is sent twice.
    const second = await svc.api('POST', `/v1/subscriptions/${sub.id}/recover`, window);
    assert.equal(second.status, 202, JSON.stringify(second.body));
    const done = await completed(second.body.replay.id);
    assert.deepEqual([done.sent, done.skipped], [0, 300]);
    const [counts] = await svc.db.query(
      `SELECT count(*)::int AS redeliveries, count(DISTINCT event_id)::int AS events FROM deliveries WHERE subscription_id = $1 AND kind = 'redelivery'`,
      [sub.id],
    );
    assert.deepEqual(counts, { redeliveries: 300, events: 300 }, 'one redelivery per failed delivery after two calls');
    assert.equal(receiver.requests.filter((r) => r.path === '/small').length, 300);
  });
});
