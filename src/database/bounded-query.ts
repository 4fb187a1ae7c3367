import type { DataSource } from 'typeorm';
import type { Queryable } from './queryable.js';

/**
 * Runs `fn` in a transaction whose statements have their own `statement_timeout` (a periodic job's reads): a plan
 * gone wrong on a big table is cancelled by Postgres in `timeoutMs` rather than scanning on, holding its
 * snapshot, and making DDL (and all queued behind it) wait.
 */
export function withStatementTimeout<T>(db: DataSource, timeoutMs: number, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const ms = Math.max(1, Math.floor(timeoutMs));
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = ${ms}`);
    return fn(tx);
  });
}

/** One read under its own `statement_timeout` (see withStatementTimeout). */
export function queryWithTimeout<T = any>(db: DataSource, timeoutMs: number, sql: string, params: unknown[] = []): Promise<T[]> {
  return withStatementTimeout(db, timeoutMs, (tx) => tx.query(sql, params) as Promise<T[]>);
}
