import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { lowestIdAt } from '../../src/common/ids.js';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { DRY_RUN_COUNT_CAP, dryRunCountSql, replaySelection, type ReplayFilters } from '../../src/database/replay-selection.js';
import { deliveryWhere } from '../../src/deliveries/delivery-filters.js';
import { Delivery } from '../../src/deliveries/delivery.entity.js';
import { eventWhere } from '../../src/events/event-filters.js';
import { Event } from '../../src/events/event.entity.js';
import type { DeliveryFilters } from '../../src/policy/delivery-filters.js';
import { createTestDatabase } from '../helpers/database.js';
import { readCost } from '../helpers/query-cost.js';

/**
 * Events and deliveries (one each, 200k rows in all) of one tenant, spread over 100 days and ended two days ago:
 * the history the lists, searches and dry runs must not walk. The fill takes 10-40 s on a loaded 2-core machine
 * (twenty indexes to keep); LIST_QUERIES_ROWS=1000000 for a bigger figure.
 */
const ROWS = Number(process.env['LIST_QUERIES_ROWS'] ?? 100_000);
/** Rows of each kind the queries look for: few, scattered through the history (or in the last hour). */
const FEW = 20;
/** A page: the API's default limit, and the extra row that tells whether a next page exists. */
const TAKE = 51;
/** At most a page, plus the ten minutes' slack of the id bounds on each side (about 14 rows here), with room. */
const READ_BOUND = 150;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An id with the time part `newId` would give at `at` (as SQL, inlined by the planner), then `n` as the "random" part. */
const ID_FUNCTION = `CREATE FUNCTION test_id(prefix text, at timestamptz, n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT prefix || '_' || ${Array.from({ length: 10 }, (_, i) => `substr('0123456789abcdefghjkmnpqrstvwxyz', ((floor(extract(epoch FROM at) * 1000)::bigint >> ${5 * (9 - i)}) & 31)::int + 1, 1)`).join(' || ')} || lpad(n::text, 16, '0') $$`;

describe(`lists, searches and dry runs on a history of ${ROWS.toLocaleString('en')} deliveries and events`, () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  let now: number;

  /** The SQL TypeORM's `find` runs for a page of these conditions (what the services run). */
  const pageSql = <T extends ObjectLiteral>(entity: new () => T, where: FindOptionsWhere<T>) =>
    db
      .getRepository(entity)
      .createQueryBuilder()
      .setFindOptions({ where, order: { id: 'DESC' } as never, take: TAKE })
      .getQueryAndParameters();
  const searchCost = (f: DeliveryFilters) => {
    const [sql, params] = pageSql(Delivery, deliveryWhere('ten_1', f));
    return readCost(db, sql, params);
  };
  const ago = (ms: number) => new Date(now - ms).toISOString();

  before(async () => {
    const database = await createTestDatabase('list_queries');
    drop = database.drop;
    db = createDataSource(database.url, 2);
    await db.initialize();
    await migrate(db);
    await db.query(ID_FUNCTION);
    await db.query(`INSERT INTO tenants (id, name) VALUES ('ten_1', 'default'), ('ten_edge', 'edge')`);
    for (const [id, tenant] of [
      ['sub_big', 'ten_1'],
      ['sub_small', 'ten_1'],
      ['sub_edge', 'ten_edge'],
    ])
      await db.query(
        `INSERT INTO subscriptions (id, tenant_id, name, url, events, status, retry_schedule, secret)
         VALUES ($1, $2, $1, 'https://example.com/hook', '{a}', 'active', '{60}', 'x')`,
        [id, tenant],
      );
    [{ now }] = await db.query<{ now: number }[]>(`SELECT (extract(epoch FROM now()) * 1000)::float8 AS now`);
    const fill = Date.now();
    // Every (ROWS / FEW)th row is one of FEW failures, the same a quarter further on of a rare type, half further the
    // small subscription's: each needle as far from the others and the present as the history allows. Then the
    // last hour's few. Events and deliveries in one statement, so that both see the same now().
    await db.query(
      `WITH h AS MATERIALIZED (
         SELECT g, t, test_id('evt', t, g) AS event_id, test_id('dlv', t, g) AS id
           FROM (SELECT g, now() - interval '102 days' + g * (interval '100 days' / $1) AS t FROM generate_series(1, $1) g
                 UNION ALL SELECT $1 + g, now() - g * interval '2 minutes' FROM generate_series(1, $2) g) x
       ), e AS (
         INSERT INTO events (id, tenant_id, type, data_text, occurred_at, created_at)
         SELECT event_id, 'ten_1', CASE WHEN g % $3 = $3 / 4 AND g <= $1 THEN 'rare' ELSE 'a' END, '{}', t, t FROM h
       )
       INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, last_status_code,
                               dispatched, created_at, updated_at, completed_at)
       SELECT id, 'ten_1', event_id, CASE WHEN g % $3 = $3 / 2 AND g <= $1 THEN 'sub_small' ELSE 'sub_big' END,
              CASE WHEN g % $3 = $3 / 4 AND g <= $1 THEN 'rare' ELSE 'a' END, 'event',
              CASE WHEN g % $3 = 0 AND g <= $1 THEN 'failed' ELSE 'succeeded' END, 1,
              CASE WHEN g % $3 = 0 AND g <= $1 THEN 500 ELSE 200 END, true, t, t, t
         FROM h`,
      [ROWS, FEW, Math.floor(ROWS / FEW)],
    );
    await db.query('ANALYZE deliveries');
    await db.query('ANALYZE events');
    console.log(`[list-queries] filled ${2 * (ROWS + FEW)} rows in ${Date.now() - fill} ms`);
  });

  after(async () => {
    await db?.destroy();
    await drop?.();
  });

  it("the test's ids have the time part newId gives", async () => {
    const at = new Date(now - 5 * DAY);
    const [{ id }]: { id: string }[] = await db.query(`SELECT test_id('dlv', $1, 0) AS id`, [at]);
    assert.equal(id, lowestIdAt('dlv', at.getTime()));
  });

  it(`the delivery search reads at most ${READ_BOUND} rows for each filter that names few`, async () => {
    const cases: [string, DeliveryFilters, number][] = [
      ['since an hour ago', { since: ago(HOUR) }, FEW],
      ['three hours 50 days ago', { since: ago(50 * DAY), until: ago(50 * DAY - 3 * HOUR) }, TAKE],
      ['status failed', { status: 'failed' }, FEW],
      ['failed with 500', { status: 'failed', statusCode: 500 }, FEW],
      ['a rare event type', { eventType: 'rare' }, FEW],
      ['a small subscription', { subscriptionId: 'sub_small' }, FEW],
      ["a big subscription's last hour", { subscriptionId: 'sub_big', since: ago(HOUR) }, FEW],
    ];
    const costs = [];
    for (const [name, filters, expected] of cases) {
      const cost = await searchCost(filters);
      costs.push(`${name}: ${cost.rows} rows`);
      assert.equal(cost.found, expected, `${name}: found`);
      assert.ok(cost.rows <= READ_BOUND, `${name}: the search read ${cost.rows} rows of deliveries (bound ${READ_BOUND})`);
    }
    console.log(`[list-queries] delivery search: ${costs.join('; ')}`);
  });

  it(`the event list reads at most ${READ_BOUND} rows for since or a rare type`, async () => {
    const costs = [];
    for (const [name, filters] of [
      ['since an hour ago', { since: ago(HOUR) }],
      ['a rare type', { type: 'rare' }],
    ] as const) {
      const [sql, params] = pageSql(Event, eventWhere('ten_1', filters));
      const cost = await readCost(db, sql, params, 'events');
      costs.push(`${name}: ${cost.rows} rows`);
      assert.equal(cost.found, FEW, `${name}: found`);
      assert.ok(cost.rows <= READ_BOUND, `${name}: the list read ${cost.rows} rows of events (bound ${READ_BOUND})`);
    }
    console.log(`[list-queries] event list: ${costs.join('; ')}`);
  });

  it(`a replay's dry run reads the window, or at most ${DRY_RUN_COUNT_CAP.toLocaleString('en')} rows, and says when it stopped`, async () => {
    const cut = new Date(now);
    const costs = [];
    for (const [name, filters, expected, capped, bound] of [
      ['status failed', { status: 'failed' }, FEW, false, READ_BOUND],
      ['since an hour ago', { since: ago(HOUR) }, FEW, false, READ_BOUND],
      ['a rare event type', { eventType: 'rare' }, FEW, false, READ_BOUND],
      ['everything since 102 days', { since: ago(102 * DAY) }, DRY_RUN_COUNT_CAP, true, DRY_RUN_COUNT_CAP + READ_BOUND],
    ] as [string, ReplayFilters, number, boolean, number][]) {
      const sel = replaySelection('ten_1', filters, cut);
      const sql = dryRunCountSql(sel.sql, DRY_RUN_COUNT_CAP);
      const cost = await readCost(db, sql, sel.params);
      const [counts]: { count: number; capped: boolean }[] = await db.query(sql, sel.params);
      costs.push(`${name}: ${cost.rows} rows`);
      assert.deepEqual({ count: counts.count, capped: counts.capped }, { count: expected, capped }, name);
      // The count reads each named delivery once, and looks once for a redelivery of each of the counted.
      assert.ok(cost.rows <= bound, `${name}: the dry run read ${cost.rows} rows of deliveries (bound ${bound})`);
    }
    console.log(`[list-queries] replay dry run: ${costs.join('; ')}`);
  });

  it("rows at the window's edges are in or out by created_at, whichever clock made their ids", async () => {
    const since = new Date(Math.floor(now - 30 * DAY));
    const until = new Date(since.getTime() + HOUR);
    const MIN = 60_000;
    // [name, created_at, the time in its id]: ids made long before the row was written, or by a clock ahead.
    const rows: [string, Date, Date][] = [
      ['in, id 9 minutes early', since, new Date(since.getTime() - 9 * MIN)],
      ['out, 1 ms before since, id after it', new Date(since.getTime() - 1), new Date(since.getTime() + MIN)],
      ['in, the middle', new Date(since.getTime() + 30 * MIN), new Date(since.getTime() + 30 * MIN)],
      ['in, 1 ms before until, id 9 minutes late', new Date(until.getTime() - 1), new Date(until.getTime() + 9 * MIN)],
      ['out, at until, id before it', until, new Date(until.getTime() - MIN)],
    ];
    const names = new Map<string, string>();
    for (const [i, [name, createdAt, idAt]] of rows.entries()) {
      const [{ id }]: { id: string }[] = await db.query(
        `WITH e AS (INSERT INTO events (id, tenant_id, type, data_text, occurred_at, created_at)
                    VALUES (test_id('evt', $2, $1), 'ten_edge', 'a', '{}', $3, $3))
         INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, dispatched, created_at, updated_at)
         VALUES (test_id('dlv', $2, $1), 'ten_edge', test_id('evt', $2, $1), 'sub_edge', 'a', 'event', 'failed', true, $3, $3)
         RETURNING id`,
        [i, idAt, createdAt],
      );
      names.set(id, name);
      names.set(id.replace('dlv_', 'evt_'), name);
    }
    const named = (ids: string[]) => ids.map((id) => names.get(id)).sort();
    const inWindow = rows
      .filter(([name]) => name.startsWith('in'))
      .map(([name]) => name)
      .sort();

    // The search, a page of one at a time so that each cursor meets the id bounds.
    const paged: string[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await db.getRepository(Delivery).find({
        where: deliveryWhere('ten_edge', { since: since.toISOString(), until: until.toISOString() }, cursor),
        order: { id: 'DESC' },
        take: 2,
      });
      if (page.length === 0) break;
      paged.push(page[0].id);
      if (page.length < 2) break;
      cursor = page[0].id;
    }
    assert.deepEqual(named(paged), inWindow, 'the search');
    const byCreatedAt: { id: string }[] = await db.query(
      `SELECT id FROM deliveries WHERE tenant_id = 'ten_edge' AND created_at >= $1 AND created_at < $2`,
      [since, until],
    );
    assert.deepEqual(named(byCreatedAt.map((r) => r.id)), inWindow, 'created_at alone, as before');

    const sel = replaySelection('ten_edge', { since: since.toISOString(), until: until.toISOString() }, until);
    const replayed: { id: string }[] = await db.query(`SELECT d.id FROM deliveries d WHERE ${sel.sql}`, sel.params);
    assert.deepEqual(named(replayed.map((r) => r.id)), inWindow, "a replay's selection");

    const events = await db.getRepository(Event).find({ where: eventWhere('ten_edge', { since: since.toISOString() }), take: 10 });
    assert.deepEqual(
      named(events.map((e) => e.id)),
      rows
        .filter(([name]) => !name.startsWith('out, 1 ms before since'))
        .map(([name]) => name)
        .sort(),
      'the event list since',
    );
  });
});
