import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { idMadeAt } from '../../src/common/ids.js';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { expiredRowsBatch } from '../../src/database/delivery-store/index.js';
import { MetadataRetentionWalk, METADATA_BATCH } from '../../src/retention/metadata-retention.js';
import { createTestDatabase } from '../helpers/database.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { purgeNow } from '../helpers/purge.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** Payloads and metadata both past their retention after this long: a point in time the test waits for. */
const RETENTION_SECONDS = 2;

describe('metadata retention (METADATA_RETENTION_DAYS): ended events deleted with their deliveries and attempts', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    const days = String(RETENTION_SECONDS / 86_400);
    svc = await startService('retention_metadata', { RETENTION_DAYS: days, METADATA_RETENTION_DAYS: days });
    receiver = await TestReceiver.start();
    receiver.respond((req) => (req.body.includes('fail-me') ? { status: 500, body: 'no' } : { status: 200, body: 'ok' }));
    for (const type of ['meta.done', 'meta.fifo']) await createEventType(svc, type);
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const get = (path: string) => svc.api('GET', path);
  const deliveryOf = async (id: string) => (await get(`/v1/deliveries/${id}`)).body;
  const statusIs = (id: string, status: string) => eventually(async () => ((await deliveryOf(id)).status === status ? true : undefined));

  it('deletes old ended events whole, keeps unfinished, recently redelivered and recent ones, and lines go on', async () => {
    await createSubscription(svc, { url: `${receiver.url}/done`, events: ['meta.done'] });
    await createSubscription(svc, {
      url: `${receiver.url}/fifo`,
      events: ['meta.fifo'],
      ordering: 'fifo',
      orderingKey: '/line',
      retrySchedule: [3600],
    });
    // Old and ended: goes. Its Idempotency-Key answers the first event while it exists.
    const keyed = (await svc.api('POST', '/v1/events', { type: 'meta.done', data: { n: 1 } }, { headers: { 'idempotency-key': 'meta-1' } }))
      .body;
    const repeat = await svc.api('POST', '/v1/events', { type: 'meta.done', data: { n: 1 } }, { headers: { 'idempotency-key': 'meta-1' } });
    assert.equal(repeat.body.id, keyed.id, 'the key dedupes while the event exists');
    // Old and ended, later redelivered (after the cutoff): stays whole.
    const redelivered = await sendEvent(svc, 'meta.done', { n: 3 });
    // A FIFO line: the first ends (old: goes), the second waits behind it, then fails and retries in an hour (stays).
    const batch = await svc.api('POST', '/v1/events/batch', {
      events: [
        { type: 'meta.fifo', data: { line: 'L', n: 5 } },
        { type: 'meta.fifo', data: { line: 'L', n: 6, note: 'fail-me' } },
      ],
    });
    assert.equal(batch.status, 202, JSON.stringify(batch.body));
    const [first, second] = batch.body.data as { id: string; deliveries: { id: string }[] }[];
    const firstDelivery = first.deliveries[0].id;
    const secondDelivery = second.deliveries[0].id;
    await statusIs(keyed.deliveries[0].id, 'succeeded');
    await statusIs(redelivered.deliveries[0].id, 'succeeded');
    await statusIs(firstDelivery, 'succeeded');
    await statusIs(secondDelivery, 'retrying');
    assert.equal((await deliveryOf(secondDelivery)).predecessorId, firstDelivery);

    // Everything so far ended (or stopped) passes the retention: a point in time, then newer rows.
    const [{ at }]: { at: Date }[] = await svc.db.query(`SELECT max(coalesce(completed_at, updated_at)) AS at FROM deliveries`);
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() + RETENTION_SECONDS * 1000 + 300 - Date.now())));
    const redelivery = await svc.api('POST', `/v1/deliveries/${redelivered.deliveries[0].id}/redeliver`);
    assert.equal(redelivery.status, 202, JSON.stringify(redelivery.body));
    await statusIs(redelivery.body.id, 'succeeded');
    const recent = await sendEvent(svc, 'meta.done', { n: 4 });
    await statusIs(recent.deliveries[0].id, 'succeeded');

    const purged = await purgeNow(svc);
    // Payloads of the three old ended events, bodies of their four old attempts; then two events deleted whole.
    assert.deepEqual(
      { ...purged },
      { events: 3, responseBodies: 4, eventsDeleted: 2, deliveriesDeleted: 2, attemptsDeleted: 2 },
      JSON.stringify(purged),
    );

    const metrics = (await svc.api('GET', '/metrics', undefined, { key: null })).text;
    for (const table of ['events', 'deliveries', 'attempts'])
      assert.match(metrics, new RegExp(`^webhook_retention_deleted_total\\{table="${table}"\\} 2$`, 'm'), table);

    // Gone, from the API and from every table.
    for (const id of [keyed.id, first.id]) assert.equal((await get(`/v1/events/${id}`)).status, 404, id);
    for (const id of [keyed.deliveries[0].id, firstDelivery]) assert.equal((await get(`/v1/deliveries/${id}`)).status, 404, id);
    const [left] = await svc.db.query(
      `SELECT (SELECT count(*) FROM events WHERE id = ANY($1))::int AS events,
              (SELECT count(*) FROM deliveries WHERE event_id = ANY($1))::int AS deliveries,
              (SELECT count(*) FROM attempts WHERE delivery_id = ANY($2))::int AS attempts`,
      [
        [keyed.id, first.id],
        [keyed.deliveries[0].id, firstDelivery],
      ],
    );
    assert.deepEqual(left, { events: 0, deliveries: 0, attempts: 0 });

    // An old event still being delivered stays whole, payload too; its predecessor's id is kept as written.
    const waiting = (await get(`/v1/events/${second.id}`)).body;
    assert.deepEqual(waiting.data, { line: 'L', n: 6, note: 'fail-me' });
    const behind = await deliveryOf(secondDelivery);
    assert.equal(behind.status, 'retrying');
    assert.equal(behind.attempts.length, 1);
    assert.equal(behind.predecessorId, firstDelivery, 'kept as written (documented): lines move by place, not by this id');

    // An old event redelivered recently: the event, the original and the redelivery stay and read fine.
    const original = await deliveryOf(redelivered.deliveries[0].id);
    assert.equal(original.status, 'succeeded');
    assert.equal(original.attempts.length, 1);
    const again = await get(`/v1/deliveries/${redelivery.body.id}`);
    assert.equal(again.status, 200);
    assert.equal(again.body.redeliveryOf, redelivered.deliveries[0].id);
    assert.equal(again.body.attempts[0].statusCode, 200);
    assert.equal((await get(`/v1/events/${redelivered.id}`)).body.deliveries.length, 2);
    // A recent event stays.
    assert.equal((await get(`/v1/events/${recent.id}`)).status, 200);

    // The key died with its event: a retry of that POST now makes a new event.
    const retried = await svc.api(
      'POST',
      '/v1/events',
      { type: 'meta.done', data: { n: 1 } },
      { headers: { 'idempotency-key': 'meta-1' } },
    );
    assert.equal(retried.status, 202);
    assert.notEqual(retried.body.id, keyed.id);

    // The line goes on: once its waiting head is cancelled, a new event of the line is delivered.
    assert.equal((await svc.api('POST', `/v1/deliveries/${secondDelivery}/cancel`)).status, 200);
    const next = await svc.api('POST', '/v1/events', { type: 'meta.fifo', data: { line: 'L', n: 7 } });
    await statusIs(next.body.deliveries[0].id, 'succeeded');
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Events kept (a delivery held) and ended, interleaved, all past the cutoff: 10 times a batch at least. */
const FILL = Number(process.env['RETENTION_METADATA_ROWS'] ?? 30_000);

describe(`metadata retention on ${FILL.toLocaleString('en')} old events: bounded batches`, () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  const cutoff = new Date(Date.now() - 5 * 86_400_000);

  before(async () => {
    const database = await createTestDatabase('retention_bounded');
    drop = database.drop;
    db = createDataSource(database.url, 2);
    await db.initialize();
    await migrate(db);
    // Ids ten days old in event order (the time part of a real id, then the number): every tenth held, kept.
    const prefix = idMadeAt('evt', Date.now() - 10 * 86_400_000);
    const started = Date.now();
    await db.query(
      `INSERT INTO events (id, tenant_id, type, data_text, occurred_at, created_at, purged_at)
       SELECT $1 || lpad(g::text, 16, '0'), 'ten_1', 'a', '{}', now() - interval '10 days', now() - interval '10 days', now() - interval '9 days'
         FROM generate_series(1, $2) g`,
      [prefix, FILL],
    );
    await db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, dispatched,
                               created_at, updated_at, completed_at)
       SELECT 'dlv_' || lpad(g::text, 26, '0'), 'ten_1', $1 || lpad(g::text, 16, '0'), 'sub_1', 'a', 'event',
              CASE WHEN g % 10 = 0 THEN 'held' ELSE 'succeeded' END, 1, true, now() - interval '10 days', now() - interval '10 days',
              CASE WHEN g % 10 = 0 THEN NULL ELSE now() - interval '9 days' END
         FROM generate_series(1, $2) g`,
      [prefix, FILL],
    );
    await db.query(
      `INSERT INTO attempts (id, delivery_id, number, started_at, duration_ms, status_code)
       SELECT 'att_' || lpad(g::text, 26, '0'), 'dlv_' || lpad(g::text, 26, '0'), 1, now() - interval '10 days', 5, 200
         FROM generate_series(1, $1) g WHERE g % 10 <> 0`,
      [FILL],
    );
    await db.query('ANALYZE events; ANALYZE deliveries; ANALYZE attempts');
    console.log(`[retention-metadata] filled ${FILL} events, deliveries and ~attempts in ${Date.now() - started} ms`);
  });
  after(async () => {
    await db?.destroy();
    await drop?.();
  });

  it(`one batch reads at most ${METADATA_BATCH} events and their deliveries, whatever the tables hold`, async () => {
    const rows = { events: 0, deliveries: 0, attempts: 0 };
    const started = Date.now();
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const batch = expiredRowsBatch(cutoff, null, METADATA_BATCH);
      const [
        {
          'QUERY PLAN': [plan],
        },
      ] = await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${batch.sql}`, batch.params);
      const walk = (node: PlanNode) => {
        const name = node['Relation Name'];
        // Rows the scans read (a Delete node above a scan names the same rows again).
        if ((name === 'events' || name === 'deliveries' || name === 'attempts') && node['Node Type'].endsWith('Scan'))
          rows[name] += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(plan.Plan as PlanNode);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    console.log(`[retention-metadata] one batch of ${METADATA_BATCH} read ${JSON.stringify(rows)} in ${Date.now() - started} ms`);
    // The batch's events are read by primary key (the batch, then the ones it locks and deletes); their deliveries
    // by event id (the check, then the delete), their attempts by delivery id: a few times the batch, never the table.
    assert.ok(rows.events <= 3 * METADATA_BATCH, `events read: ${rows.events}`);
    assert.ok(rows.deliveries <= 3 * METADATA_BATCH, `deliveries read: ${rows.deliveries}`);
    assert.ok(rows.attempts <= 3 * METADATA_BATCH, `attempts read: ${rows.attempts}`);
  });

  it('a walk deletes every ended event once, keeps every held one, and ends at the cutoff', async () => {
    const walk = new MetadataRetentionWalk(db, cutoff);
    const deleted = { eventsDeleted: 0, deliveriesDeleted: 0, attemptsDeleted: 0 };
    let steps = 0;
    const started = Date.now();
    while (!walk.done) {
      const step = await walk.step();
      for (const key of Object.keys(deleted) as (keyof typeof deleted)[]) deleted[key] += step[key];
      steps++;
    }
    const kept = FILL / 10;
    console.log(`[retention-metadata] walk: ${steps} batches, ${JSON.stringify(deleted)} in ${Date.now() - started} ms`);
    assert.equal(steps, Math.floor(FILL / METADATA_BATCH) + 1);
    assert.deepEqual(deleted, { eventsDeleted: FILL - kept, deliveriesDeleted: FILL - kept, attemptsDeleted: FILL - kept });
    const [left] = await db.query(
      `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM deliveries WHERE status = 'held')::int AS held`,
    );
    assert.deepEqual(left, { events: kept, held: kept });
  });
});
