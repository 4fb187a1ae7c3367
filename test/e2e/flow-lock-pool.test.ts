import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { admitFlow } from '../../activities/flow-control.js';
import type { DeliveryContext } from '../../activities/delivery-context.js';
import { createDataSource, migrate } from '../../src/database/data-source.js';
import { lockFlow } from '../../src/database/flow-lock.js';
import { createTestDatabase } from '../helpers/database.js';

/** A worker's pool, small: as many admissions contend for one subscription's lock as it has connections, and more. */
const POOL = 2;
const CONTENDERS = 4;

describe("admitFlow holds no pooled connection while a subscription's flow lock is busy", () => {
  let db: DataSource;
  let other: DataSource;
  let drop: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase('flow_lock_pool');
    drop = database.drop;
    db = createDataSource(database.url, POOL);
    other = createDataSource(database.url, 1);
    await db.initialize();
    await other.initialize();
    await migrate(db);
    await db.query(`INSERT INTO tenants (id, name) VALUES ('ten_1', 'default')`);
    await db.query(
      `INSERT INTO subscriptions (id, tenant_id, name, url, events, retry_schedule, secret, max_concurrency)
       VALUES ('sub_1', 'ten_1', 'limited', 'https://example.com/hook', '{a}', '{60}', 'x', 1)`,
    );
    await db.query(`INSERT INTO events (id, tenant_id, type, data, occurred_at) VALUES ('evt_1', 'ten_1', 'a', '{}', now())`);
    await db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, dispatched)
       SELECT 'dlv_' || g, 'ten_1', 'evt_1', 'sub_1', 'a', 'event', 'scheduled', true FROM generate_series(1, $1) g`,
      [CONTENDERS],
    );
  });

  after(async () => {
    await other?.destroy();
    await db?.destroy();
    await drop?.();
  });

  const ctx = (deliveryId: string) =>
    ({
      deliveryId,
      subscriptionId: 'sub_1',
      ratePerSecond: null,
      rateBurst: null,
      rateSlotWaitMs: null,
      maxConcurrency: 1,
      timeoutMs: 1000,
    }) as DeliveryContext;

  it('while another holds the lock, the pool answers and the admissions defer; once free, one goes', async () => {
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Another worker's admission, stuck inside its lock (a slow statement, a pause of its process).
    const holder = other.transaction(async (tx) => {
      await lockFlow(tx, 'sub_1');
      locked();
      await new Promise<void>((r) => (release = r));
    });
    await isLocked;

    const admissions = Promise.all(Array.from({ length: CONTENDERS }, (_, i) => admitFlow(db, ctx(`dlv_${i + 1}`))));
    await new Promise((r) => setTimeout(r, 50));
    // Another tenant's work on the same pool meanwhile: answered, not queued behind the waiting admissions.
    const began = Date.now();
    const answered = await Promise.race([
      db.query('SELECT 1 AS one').then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 3_000)),
    ]);
    assert.ok(answered, `a query on the pool of ${POOL} waited over 3 s behind ${CONTENDERS} admissions waiting for the lock`);
    const waitedMs = Date.now() - began;

    const results = await admissions;
    for (const result of results) assert.deepEqual(result, { go: false, deferredBy: 'concurrency', delayMs: 250 });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'scheduled' AND waiting_for IS NULL`);
    assert.equal(n, CONTENDERS, 'a deferral for a busy lock leaves the rows as they were');
    console.log(`[flow-lock-pool] a query on the pool answered in ${waitedMs} ms while ${CONTENDERS} admissions waited`);

    release();
    await holder;
    const admitted = await admitFlow(db, ctx('dlv_1'));
    assert.equal(admitted.go, true, JSON.stringify(admitted));
    const next = await admitFlow(db, ctx('dlv_2'));
    assert.equal(next.go, false, 'maxConcurrency 1: the next waits for a place');
  });
});
