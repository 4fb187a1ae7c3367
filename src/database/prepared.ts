import { DataSource } from 'typeorm';
import type { Queryable } from './queryable.js';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement of the ingest path as a named prepared statement when `db` is the DataSource: Postgres parses
 * and plans it once per pooled connection instead of on every request (measured in docs/performance.md). Inside a
 * transaction (an EntityManager) or in unit tests it runs as a plain statement.
 */
export async function queryPrepared<T>(db: Queryable, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (db instanceof DataSource) {
    const pool = (db.driver as unknown as { master?: PgPool }).master;
    if (pool) return (await pool.query({ name, text, values })).rows as T[];
  }
  return (await db.query(text, values)) as T[];
}
