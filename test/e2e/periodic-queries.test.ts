import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { SUSPECTS_SQL, CURSOR_START } from '../../src/dispatch/reconciler-queries.js';
import { heldOfActiveSubscriptions } from '../../src/dispatch/held-deliveries.js';
import { unended } from '../../src/database/delivery-store/states.js';
import { createTestDatabase } from '../helpers/database.js';
import { readCost } from '../helpers/query-cost.js';

/**
 * Ended deliveries in the table: what every pass must not read. 200k keeps CI's fill to seconds (a million took
 * 60 s on a loaded 2-core machine); PERIODIC_QUERIES_ROWS=1000000 for the figure.
 */
const ENDED = Number(process.env['PERIODIC_QUERIES_ROWS'] ?? 200_000);
/** Stuck per branch (quiet, retry overdue, held of an active subscription): what a pass must find. */
const STUCK = 30;
/** The reconciler reads at most LIMIT (100) per branch, three branches. */
const READ_BOUND = 300;

/** The reconciler's read before issue 23: an OR across statuses that no index covers. Kept here for the figure. */
const OLD_SUSPECTS_SQL = `SELECT d.id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
  WHERE d.dispatched AND s.deleted_at IS NULL AND d.id <> ALL($3::varchar[])
    AND ((d.status IN ('scheduled', 'sending') AND d.updated_at < now() - make_interval(secs => s.timeout_ms / 1000.0 + $1))
      OR (d.status = 'retrying' AND d.next_attempt_at < now() - make_interval(secs => $1))
      OR (d.status = 'held' AND s.status = 'active' AND d.updated_at < now() - make_interval(secs => $1)))
  ORDER BY d.updated_at LIMIT $2`;

describe(`periodic queries on a table of ${ENDED.toLocaleString('en')} ended deliveries`, () => {
  let db: DataSource;
  let drop: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase('periodic_queries');
    drop = database.drop;
    db = createDataSource(database.url, 2);
    await db.initialize();
    await migrate(db);
    await db.query(`INSERT INTO tenants (id, name) VALUES ('ten_1', 'default')`);
    for (const [id, status] of [
      ['sub_active', 'active'],
      ['sub_paused', 'paused'],
    ])
      await db.query(
        `INSERT INTO subscriptions (id, tenant_id, name, url, events, status, retry_schedule, secret, updated_at)
         VALUES ($1, 'ten_1', $1, 'https://example.com/hook', '{a}', $2, '{60}', 'x', now() - interval '1 day')`,
        [id, status],
      );
    await db.query(`INSERT INTO events (id, tenant_id, type, data, occurred_at) VALUES ('evt_1', 'ten_1', 'a', '{}', now())`);
    const fill = Date.now();
    await db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, dispatched,
                               created_at, updated_at, completed_at)
       SELECT 'dlv_ended_' || g, 'ten_1', 'evt_1', CASE WHEN g % 2 = 0 THEN 'sub_active' ELSE 'sub_paused' END, 'a', 'event',
              CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'succeeded' END, 1, true,
              now() - interval '10 days' + g * interval '1 ms', now() - interval '10 days' + g * interval '1 ms', now() - interval '9 days'
         FROM generate_series(1, $1) g`,
      [ENDED],
    );
    const stuck = (prefix: string, status: string, sub: string, extra = 'NULL') =>
      db.query(
        `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, attempt_count, dispatched,
                                 next_attempt_at, created_at, updated_at)
         SELECT '${prefix}' || g, 'ten_1', 'evt_1', $2, 'a', 'event', $1, 1, true, ${extra}, now() - interval '1 hour', now() - interval '1 hour'
           FROM generate_series(1, $3) g`,
        [status, sub, STUCK],
      );
    await stuck('dlv_quiet_', 'scheduled', 'sub_active');
    await stuck('dlv_due_', 'retrying', 'sub_active', `now() - interval '1 hour'`);
    await stuck('dlv_held_', 'held', 'sub_active');
    // A paused subscription's backlog: held on purpose, never the reconciler's or the sweeper's business.
    await db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, dispatched, created_at, updated_at)
       SELECT 'dlv_paused_' || g, 'ten_1', 'evt_1', 'sub_paused', 'a', 'event', 'held', true, now() - interval '1 hour', now() - interval '1 hour'
         FROM generate_series(1, 5000) g`,
    );
    await db.query('ANALYZE deliveries');
    console.log(`[periodic-queries] filled ${ENDED + 3 * STUCK + 5000} rows in ${Date.now() - fill} ms`);
  });

  after(async () => {
    await db?.destroy();
    await drop?.();
  });

  it(`a reconciler pass reads at most ${READ_BOUND} rows and finds every stuck delivery`, async () => {
    const params = [60, 100, CURSOR_START.at, CURSOR_START.id, CURSOR_START.at, CURSOR_START.id];
    const now = await readCost(db, SUSPECTS_SQL, params);
    // Before: the old read on the schema before this change (its indexes dropped in a transaction rolled back).
    let old = { rows: 0, buffers: 0, found: 0 };
    const rollback = new Error('rollback');
    await db
      .transaction(async (tx) => {
        await tx.query('DROP INDEX idx_deliveries_quiet, idx_deliveries_retry_due, idx_deliveries_unfinished');
        old = await readCost(tx, OLD_SUSPECTS_SQL, [60, 100, []]);
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    console.log(
      `[periodic-queries] reconciler pass: before ${old.rows} rows read (${old.buffers} buffers), after ${now.rows} rows read (${now.buffers} buffers)`,
    );
    assert.equal(now.found, 3 * STUCK, 'every stuck delivery is a suspect');
    assert.ok(now.rows <= READ_BOUND, `a pass read ${now.rows} rows of deliveries (bound ${READ_BOUND})`);
    const rows: { id: string }[] = await db.query(SUSPECTS_SQL, params);
    assert.equal(rows.filter((r) => r.id.startsWith('dlv_paused_') || r.id.startsWith('dlv_ended_')).length, 0);
  });

  it('the sweeper reads by index only what it starts or releases', async () => {
    const undispatched = await readCost(
      db,
      `SELECT d.id, e.trace_parent FROM deliveries d JOIN events e ON e.id = d.event_id
        WHERE d.dispatched = false AND d.created_at < now() - make_interval(secs => $1) ORDER BY d.created_at LIMIT $2`,
      [60, 500],
    );
    assert.ok(undispatched.rows <= 1, `the undispatched look read ${undispatched.rows} rows`);
    const held = await heldOfActiveSubscriptions(db, 60, 500);
    assert.equal(held.length, STUCK, 'the held deliveries of the active subscription, none of the paused one');
  });

  it("a subscription's delete and its closing circuit read its unfinished deliveries only, not all it ever had", async () => {
    // The rows cancelDeliveries({ subscriptionId }) updates, and wakeDeferred's read (activities/endpoint-health.ts).
    const cancel = await readCost(db, `SELECT id FROM deliveries WHERE subscription_id = $1 AND ${unended()}`, ['sub_active']);
    const wake = await readCost(
      db,
      `SELECT id FROM deliveries WHERE subscription_id = $1 AND status = 'retrying' AND next_attempt_at > now() ORDER BY id`,
      ['sub_active'],
    );
    console.log(
      `[periodic-queries] delete of a subscription with ${ENDED / 2} ended deliveries reads ${cancel.rows} rows; wake ${wake.rows}`,
    );
    assert.equal(cancel.found, 3 * STUCK);
    assert.ok(cancel.rows <= 3 * STUCK, `the delete's read took ${cancel.rows} rows`);
    assert.ok(wake.rows <= 3 * STUCK, `the wake's read took ${wake.rows} rows`);
  });
});
