import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDataSource, dropDatabase, ensureDatabase, migrate, migrateDatabase } from '../../src/database/data-source.js';
import { migrations } from '../../src/database/migrations/index.js';
import { withLockTimeout } from '../../src/database/migrations/online.js';
import { prepareSchema, SchemaBehindError } from '../../src/database/schema-version.js';
import { createTestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';

const run = promisify(execFile);
const SERVER = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
const dataDir = mkdtempSync(join(tmpdir(), 'hookrelay-db-setup-'));
/** A database name nobody made yet; dropped after the file. */
const unmade: string[] = [];
const freshUrl = () => {
  const url = `${SERVER}/hookrelay_test_setup_${Math.random().toString(16).slice(2, 10)}`;
  unmade.push(url);
  return url;
};

/** `node dist/src/main.js --role migrate` as a pre-deploy job runs it. */
async function migrateRole(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [resolve('dist/src/main.js'), '--role', 'migrate'], {
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DB_CONNECT_TIMEOUT_MS: '3000' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('database set-up: creation, migrations, connections', () => {
  after(async () => {
    for (const url of unmade) await dropDatabase(url);
  });

  it("an existing database is used without touching the server's maintenance database", async () => {
    const db = await createTestDatabase('setup-exists');
    try {
      // A maintenance database that does not exist stands for one the user may not connect to.
      await ensureDatabase(db.url, 'no_such_maintenance_db');
    } finally {
      await db.drop();
    }
    const missing = freshUrl();
    await assert.rejects(ensureDatabase(missing, 'no_such_maintenance_db'), /no_such_maintenance_db/);
    await ensureDatabase(missing);
    await ensureDatabase(missing);
  });

  it('--role migrate runs the pending migrations and exits 0; again, none; a failure is one line and exit 1', async () => {
    const url = freshUrl();
    const first = await migrateRole(url);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^migrations run: Initial1795621135737, .*DeliveryRedeliveryOf1796470000000/m);
    const again = await migrateRole(url);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^migrations: none pending$/m);
    const refused = await migrateRole(`postgres://postgres@127.0.0.1:${await freePort()}/webhooks`);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^migrate failed: .*ECONNREFUSED.*\n$/);
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  });

  it('MIGRATIONS=check refuses to start on a schema behind the code; MIGRATIONS=wait waits for --role migrate', async () => {
    const db = await createTestDatabase('setup-behind');
    try {
      const config = loadConfig(
        { DATABASE_URL: db.url, MIGRATIONS: 'check', TEMPORAL_ADDRESS: '127.0.0.1:1', SECRETS_KEY: 'a'.repeat(64), DATA_DIR: dataDir },
        'api',
      );
      // Refused before Temporal is even dialled (its address here answers nothing).
      await assert.rejects(createApp(config), (err: unknown) => {
        assert.ok(err instanceof SchemaBehindError, String(err));
        assert.match(
          err.message,
          /schema is behind this code: \d+ migration\(s\) not run \(Initial1795621135737, .*run `--role migrate` first/,
        );
        return true;
      });

      const warnings: string[] = [];
      let ready = false;
      const waiting = prepareSchema(
        { ...config.database, migrations: 'wait' },
        { warn: (m) => warnings.push(m), log: () => undefined },
      ).then(() => (ready = true));
      await new Promise((done) => setTimeout(done, 500));
      assert.equal(ready, false, 'waits while migrations are pending');
      assert.match(warnings[0] ?? '', /waiting for `--role migrate`/);
      await migrateDatabase(config.database);
      await waiting;
      await prepareSchema({ ...config.database, migrations: 'check' }, { warn: () => undefined, log: () => undefined });
    } finally {
      await db.drop();
    }
  });

  it('a migration with `transaction = false` runs outside a transaction (CREATE INDEX CONCURRENTLY)', async () => {
    class ConcurrentProbe1796490000001 implements MigrationInterface {
      name = 'ConcurrentProbe1796490000001';
      transaction = false as const;
      async up(q: QueryRunner): Promise<void> {
        await q.query('CREATE INDEX CONCURRENTLY "idx_probe" ON "events" ("created_at")');
      }
      async down(q: QueryRunner): Promise<void> {
        await q.query('DROP INDEX CONCURRENTLY "idx_probe"');
      }
    }
    const db = await createTestDatabase('setup-concurrently');
    const ds = createDataSource(db.url, 2, [...migrations, ConcurrentProbe1796490000001]);
    await ds.initialize();
    try {
      const ran = await migrate(ds);
      assert.ok(ran.includes('ConcurrentProbe1796490000001'), `ran: ${ran.join(', ')}`);
      const [index] = await ds.query<{ indisvalid: boolean }[]>(
        `SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'idx_probe'`,
      );
      assert.equal(index?.indisvalid, true);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('two processes migrating one fresh database at once both finish (the waiter holds no snapshot the index build waits on)', async () => {
    const db = await createTestDatabase('setup-together');
    const [a, b] = [createDataSource(db.url, 2), createDataSource(db.url, 2)];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('two migrating processes still waiting after 60 s')), 60_000);
      });
      const [ranA, ranB] = await Promise.race([Promise.all([migrate(a), migrate(b)]), stuck]).finally(() => clearTimeout(timer));
      assert.equal(ranA.length + ranB.length, migrations.length, 'each migration ran once, by one of them');
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await db.drop();
    }
  });

  it('withLockTimeout: an ALTER waiting on a lock gives up in time and tries again', async () => {
    const db = await createTestDatabase('setup-lock-timeout');
    const ds = createDataSource(db.url, 3);
    await ds.initialize();
    const holder = ds.createQueryRunner();
    const migrator = ds.createQueryRunner();
    try {
      await ds.query('CREATE TABLE busy (id int)');
      // A long reader holds the table.
      await holder.startTransaction();
      await holder.query('LOCK TABLE busy IN ACCESS SHARE MODE');
      const started = Date.now();
      await assert.rejects(
        withLockTimeout(migrator, 'ALTER TABLE busy ADD b int', { lockTimeout: '100ms', attempts: 2, backoffMs: 50 }),
        /lock timeout/,
      );
      assert.ok(Date.now() - started < 2000, 'gave up within its tries');
      // Inside a migration's transaction: the reader ends during the retries, the ALTER goes through.
      await migrator.startTransaction();
      setTimeout(() => void holder.rollbackTransaction(), 300);
      await withLockTimeout(migrator, 'ALTER TABLE busy ADD b int', { lockTimeout: '100ms', attempts: 20, backoffMs: 50 });
      await migrator.commitTransaction();
      const columns = await ds.query<unknown[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'busy'`);
      assert.equal(columns.length, 2);
    } finally {
      await holder.release();
      await migrator.release();
      await ds.destroy();
      await db.drop();
    }
  });

  it('each role names its connections (pg_stat_activity) and sets its pool, timeouts', async () => {
    const db = await createTestDatabase('setup-pool');
    const config = loadConfig({ DATABASE_URL: db.url, DB_POOL_SIZE: '3', DB_STATEMENT_TIMEOUT_MS: '1500', DATA_DIR: dataDir }, 'worker');
    const ds = createDataSource(config.database.url, config.database);
    await ds.initialize();
    try {
      const name = await ds.query<{ db: string }[]>('SELECT current_database() AS db');
      const seen = await ds.query<{ application_name: string }[]>(
        'SELECT application_name FROM pg_stat_activity WHERE datname = $1 AND pid = pg_backend_pid()',
        [name[0].db],
      );
      assert.equal(seen[0]?.application_name, 'hookrelay-worker');
      const [timeout] = await ds.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
      assert.equal(timeout?.statement_timeout, '1500ms');
      await assert.rejects(ds.query('SELECT pg_sleep(3)'), /statement timeout/);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
