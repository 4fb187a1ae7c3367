import type { QueryRunner } from 'typeorm';

/** Postgres's lock_not_available: lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = '55P03';

export interface LockTimeoutOptions {
  /** How long the statement may wait for its lock, e.g. '5s'; while it waits, everything queued behind it waits too. */
  lockTimeout?: string;
  /** Tries in all before the migration fails. */
  attempts?: number;
  /** Pause after the first refused try; it grows with each try. */
  backoffMs?: number;
}

const errorCode = (err: unknown) => {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.code ?? e.driverError?.code;
};

/**
 * Runs one DDL statement (`ALTER TABLE ...`) with a `lock_timeout`, trying again when the lock is not granted in
 * time: a long query holding the table then delays the deploy, never the traffic that would queue behind the
 * waiting `ALTER`. Inside the migration's transaction each try is a savepoint; outside (`transaction = false`) the
 * setting is the session's and is reset afterwards.
 */
export async function withLockTimeout(q: QueryRunner, sql: string, options: LockTimeoutOptions = {}): Promise<void> {
  const { lockTimeout = '5s', attempts = 10, backoffMs = 1000 } = options;
  if (!/^\d+(ms|s|min)?$/.test(lockTimeout)) throw new Error(`withLockTimeout: lockTimeout must be like 5s, 500ms (got ${lockTimeout})`);
  for (let attempt = 1; ; attempt++) {
    const inTransaction = q.isTransactionActive;
    if (inTransaction) await q.query('SAVEPOINT online_ddl');
    try {
      await q.query(`SET ${inTransaction ? 'LOCAL ' : ''}lock_timeout = '${lockTimeout}'`);
      await q.query(sql);
      await q.query(inTransaction ? 'RELEASE SAVEPOINT online_ddl' : 'RESET lock_timeout');
      return;
    } catch (err) {
      await q.query(inTransaction ? 'ROLLBACK TO SAVEPOINT online_ddl' : 'RESET lock_timeout');
      if (errorCode(err) !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw err;
      await new Promise((done) => setTimeout(done, backoffMs * attempt));
    }
  }
}
