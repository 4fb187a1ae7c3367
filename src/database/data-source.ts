import { DataSource, type MigrationInterface } from 'typeorm';
import type { DatabaseSettings } from '../config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** How a pool connects: size, timeouts and the name pg_stat_activity shows. */
export type PoolSettings = Partial<Pick<DatabaseSettings, 'poolSize' | 'connectTimeoutMs' | 'statementTimeoutMs' | 'applicationName'>>;

export function createDataSource(
  url: string,
  pool: number | PoolSettings = 20,
  migrationClasses: (new () => MigrationInterface)[] = migrations,
): DataSource {
  const settings: PoolSettings = typeof pool === 'number' ? { poolSize: pool } : pool;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: migrationClasses,
    // Each migration in a transaction of its own, unless it says `transaction = false` (CREATE INDEX CONCURRENTLY).
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    applicationName: settings.applicationName ?? 'hookrelay',
    extra: {
      max: settings.poolSize ?? 20,
      ...(settings.connectTimeoutMs ? { connectionTimeoutMillis: settings.connectTimeoutMs } : {}),
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
    },
  });
}

/** Runs `fn` on the server's maintenance database, with the name of the database `url` points at. */
async function withServer(
  url: string,
  fn: (server: DataSource, name: string, quoted: string) => Promise<void>,
  maintenanceDatabase = 'postgres',
): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/' + encodeURIComponent(maintenanceDatabase);
  const server = new DataSource({ type: 'postgres', url: admin.toString() });
  await server.initialize();
  try {
    await fn(server, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await server.destroy();
  }
}

/** Postgres's "database does not exist". */
const INVALID_CATALOG_NAME = '3D000';

/** Whether the database `url` names exists (a connection to it is the test); any other failure is thrown. */
async function databaseExists(url: string): Promise<boolean> {
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  try {
    await ds.initialize();
  } catch (err) {
    if ((err as { code?: string }).code === INVALID_CATALOG_NAME) return false;
    throw err;
  }
  await ds.destroy();
  return true;
}

/**
 * Creates the database named in `url` when it does not exist yet (`npm start` on a fresh machine). The database
 * itself is tried first: a user with no right on the server's maintenance database starts when it exists.
 */
export async function ensureDatabase(url: string, maintenanceDatabase = 'postgres'): Promise<void> {
  if (await databaseExists(url)) return;
  await withServer(
    url,
    async (server, name, quoted) => {
      const rows: unknown[] = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rows.length === 0) await server.query(`CREATE DATABASE ${quoted}`);
    },
    maintenanceDatabase,
  );
}

export const dropDatabase = (url: string) =>
  withServer(url, (server, _name, quoted) => server.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));

const MIGRATION_LOCK = 727_001;

/**
 * Runs pending migrations; an advisory lock keeps api and worker processes that start together in line. The one
 * that waits polls for the lock rather than blocking in `pg_advisory_lock`: a blocked statement holds a snapshot,
 * and the holder's `CREATE INDEX CONCURRENTLY` waits for every older snapshot to end, so both would wait forever
 * (two connections of one process: no deadlock Postgres could see).
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    while (!(await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK]))[0].locked) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The data source's migrationsTransactionMode ('each'): a migration with `transaction = false` runs outside.
    return (await ds.runMigrations()).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Runs pending migrations on a connection pool of their own, without the process's statement_timeout (an index
 * built concurrently on a large table takes as long as it takes).
 */
export async function migrateDatabase(settings: DatabaseSettings): Promise<string[]> {
  const ds = createDataSource(settings.url, {
    ...settings,
    poolSize: 2,
    statementTimeoutMs: 0,
    applicationName: `${settings.applicationName}-migrate`,
  });
  await ds.initialize();
  try {
    return await migrate(ds);
  } finally {
    await ds.destroy();
  }
}

/** The names of the migrations this code has that the database has not run, in order (read only: no DDL). */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = await ds.query<{ exists: boolean }[]>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
  const done = new Set(exists ? (await ds.query<{ name: string }[]>(`SELECT name FROM "${table}"`)).map((r) => r.name) : []);
  return ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !done.has(name));
}
