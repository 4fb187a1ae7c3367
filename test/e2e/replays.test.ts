import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../src/common/ids.js';
import { createEventType, createSubscription, eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** Deliveries replayed by the large test: 40 batches, enough to lose the worker mid-way (SCALE_REPLAY for more). */
const N = Number(process.env['SCALE_REPLAY'] ?? 4000);

describe('replays: POST /v1/replays by the search filters, dry run, paced, resumable, idempotent', () => {
  let api: TestService;
  let worker: TestService | undefined;
  let receiver: TestReceiver;
  let bulk: string;

  const startWorker = () =>
    startService(
      'replays-worker',
      { DATABASE_URL: api.config.databaseUrl, TEMPORAL_TASK_QUEUE: api.config.temporal.taskQueue, SECRETS_KEY: api.config.secretsKey },
      'worker',
    );

  before(async () => {
    // The api alone, and a worker process of its own beside it, so the worker can be lost mid-replay.
    api = await startService('replays', {}, 'api');
    worker = await startWorker();
    receiver = await TestReceiver.start();
    await createEventType(api, 'replay.bulk');
    await createEventType(api, 'replay.small');
    // N failed deliveries of a paused subscription, written as the service writes them (a real run of N failing
    // attempts would take minutes and prove nothing more here).
    bulk = (await createSubscription(api, { url: `${receiver.url}/bulk`, events: ['replay.bulk'] })).id;
    await api.api('POST', `/v1/subscriptions/${bulk}/pause`);
    const [{ tenant_id: tenantId }] = await api.db.query(`SELECT tenant_id FROM subscriptions WHERE id = $1`, [bulk]);
    for (let from = 0; from < N; from += 1000) {
      const count = Math.min(1000, N - from);
      const events = Array.from({ length: count }, () => newId('evt'));
      const deliveries = Array.from({ length: count }, () => newId('dlv'));
      await api.db.query(
        `WITH e AS (INSERT INTO events (id, tenant_id, type, data, occurred_at)
                    SELECT id, $2, 'replay.bulk', jsonb_build_object('n', n), now() FROM unnest($1::varchar[]) WITH ORDINALITY AS t(id, n))
         INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, dispatched, completed_at)
         SELECT d, $2, e, $3, 'replay.bulk', 'event', 'failed', 1, true, now() FROM unnest($4::varchar[], $1::varchar[]) AS t(d, e)`,
        [events, tenantId, bulk, deliveries],
      );
    }
  });
  after(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  const replayOf = async (id: string) => (await api.api('GET', `/v1/replays/${id}`)).body;

  it('answers a dry run with the count and a sample, writing nothing', async () => {
    const res = await api.api('POST', '/v1/replays', { subscriptionId: bulk, status: 'failed', dryRun: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.count, N);
    assert.equal(res.body.countCapped, false, 'fewer than the cap: counted to the end');
    assert.equal(res.body.sample.length, 10);
    assert.ok(res.body.sample.every((d: { status: string; subscriptionId: string }) => d.status === 'failed' && d.subscriptionId === bulk));
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM replays`);
    assert.equal(n, 0);
  });

  it(`replays ${N} deliveries exactly once each, through the loss of its worker mid-way`, async () => {
    const started = await api.api(
      'POST',
      '/v1/replays',
      { subscriptionId: bulk, status: 'failed' },
      { headers: { 'idempotency-key': 'bulk-1' } },
    );
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.total, N);
    assert.match(started.body.temporalUrl, /\/workflows\/replay-rpl_/);
    const id = started.body.id as string;

    // The same key answers the same replay; the key with other filters is a conflict.
    const again = await api.api(
      'POST',
      '/v1/replays',
      { subscriptionId: bulk, status: 'failed' },
      { headers: { 'idempotency-key': 'bulk-1' } },
    );
    assert.equal(again.status, 200);
    assert.equal(again.body.id, id);
    const other = await api.api('POST', '/v1/replays', { status: 'failed' }, { headers: { 'idempotency-key': 'bulk-1' } });
    assert.equal(other.status, 409, JSON.stringify(other.body));

    // Lose the worker once the replay is under way, then bring up another: it goes on from the last batch.
    await eventually(async () => ((await replayOf(id)).sent > 0 ? true : undefined), 120_000, 'the replay to begin');
    await worker!.app.close();
    const atLoss = (await replayOf(id)).sent;
    worker = await startWorker();
    const done = await eventually(
      async () => {
        const r = await replayOf(id);
        return r.status === 'completed' ? r : undefined;
      },
      600_000,
      'the replay to complete',
    );
    console.log(`# replay of ${N}: ${atLoss} sent when its worker was lost; completed ${done.completedAt} (${done.sent} sent)`);
    assert.equal(done.sent, N);
    assert.equal(done.skipped, 0);
    const [counts] = await api.db.query(
      `SELECT count(*)::int AS redeliveries, count(DISTINCT event_id)::int AS events FROM deliveries WHERE kind = 'redelivery' AND subscription_id = $1`,
      [bulk],
    );
    assert.deepEqual(counts, { redeliveries: N, events: N }, 'each delivery replayed exactly once');
  });

  it('paces by the slowest rate limit among the subscriptions, and refuses bad filters naming each field', async () => {
    const limited = await createSubscription(api, {
      url: `${receiver.url}/small`,
      events: ['replay.small'],
      rateLimit: { perSecond: 100 },
    });
    for (let i = 0; i < 250; i++) await api.api('POST', '/v1/events', { type: 'replay.small', data: { i } });
    await eventually(async () => (receiver.requests.filter((r) => r.path === '/small').length >= 250 ? true : undefined), 120_000);
    const t0 = Date.now();
    const res = await api.api('POST', '/v1/replays', { subscriptionId: limited.id, eventType: 'replay.small' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const done = await eventually(async () => ((await replayOf(res.body.id)).status === 'completed' ? Date.now() : undefined), 120_000);
    // Three batches of 100 at 100/s: two pauses of a second between them.
    assert.ok(done - t0 >= 2000, `completed in ${done - t0} ms`);
    await eventually(async () => (receiver.requests.filter((r) => r.path === '/small').length >= 500 ? true : undefined), 120_000);

    const bad = await api.api('POST', '/v1/replays', { status: 'lost', statusCode: 1000, dryRun: 'yes', extra: 1 });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      (bad.body.errors as { field: string }[]).map((e) => e.field).sort(),
      ['dryRun', 'extra', 'status', 'statusCode'].sort(),
    );
    assert.equal((await api.api('GET', '/v1/replays/rpl_doesnotexist')).status, 404);
  });

  it('lists the tenant’s replays newest first, a page at a time, by status; bad input names each field', async () => {
    // Nothing failed of this type: a replay that names nothing, and completes at once.
    const made = await api.api('POST', '/v1/replays', { eventType: 'replay.small', status: 'failed' });
    assert.equal(made.status, 202, JSON.stringify(made.body));
    await eventually(async () => ((await replayOf(made.body.id)).status === 'completed' ? true : undefined), 60_000);
    const stored: { id: string }[] = await api.db.query(`SELECT id FROM replays ORDER BY id DESC`);
    assert.ok(stored.length >= 2);

    const all = await api.api('GET', '/v1/replays');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.data.map((r: { id: string }) => r.id),
      stored.map((r) => r.id),
      'newest first',
    );
    assert.equal(all.body.nextCursor, null);
    assert.deepEqual(all.body.data[0], await replayOf(made.body.id), 'each as GET /v1/replays/:id shows it');

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.api('GET', `/v1/replays?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.body.data.length, 1);
      paged.push(page.body.data[0].id);
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      stored.map((r) => r.id),
    );

    const completed = await api.api('GET', '/v1/replays?status=completed');
    assert.ok(completed.body.data.some((r: { id: string }) => r.id === made.body.id));
    assert.ok(completed.body.data.every((r: { status: string }) => r.status === 'completed'));
    assert.deepEqual((await api.api('GET', '/v1/replays?status=running')).body, { data: [], nextCursor: null });

    const bad = await api.api('GET', '/v1/replays?status=lost&limit=0&cursor=zzz&extra=1');
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual((bad.body.errors as { field: string }[]).map((e) => e.field).sort(), ['cursor', 'extra', 'limit', 'status']);
  });
});
