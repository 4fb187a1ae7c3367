import { DataSource } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export function createDataSource(url: string, poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: poolSize },
  });
}

/** Runs `fn` on the server's `postgres` database, with the name of the database `url` points at. */
async function withServer(url: string, fn: (server: DataSource, name: string, quoted: string) => Promise<void>): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const server = new DataSource({ type: 'postgres', url: admin.toString() });
  await server.initialize();
  try {
    await fn(server, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await server.destroy();
  }
}

/** Creates the database named in `url` when it does not exist yet (`npm start` on a fresh machine). */
export const ensureDatabase = (url: string) =>
  withServer(url, async (server, name, quoted) => {
    const rows: unknown[] = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await server.query(`CREATE DATABASE ${quoted}`);
  });

export const dropDatabase = (url: string) =>
  withServer(url, (server, _name, quoted) => server.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));

const MIGRATION_LOCK = 727_001;

/** Runs pending migrations; an advisory lock keeps api and worker processes that start together in line. */
export async function migrate(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
