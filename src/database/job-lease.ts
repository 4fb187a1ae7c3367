import type { Queryable } from './queryable.js';

/**
 * Takes or renews the lease on a periodic job for `holder` until `ttlMs` from now; true when `holder` has it.
 * A lease is taken over only once it has expired, so one process at a time runs the job, and a crashed holder
 * is replaced after at most `ttlMs`. No connection is held between calls (unlike a session advisory lock).
 */
export async function takeJobLease(db: Queryable, job: string, holder: string, ttlMs: number): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3 / 1000.0))
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE job_leases.holder = excluded.holder OR job_leases.expires_at < now()
     RETURNING holder`,
    [job, holder, ttlMs],
  );
  return rows.length === 1;
}

/** Gives the lease up (at shutdown), so another process takes the job at its next tick instead of after the TTL. */
export async function dropJobLease(db: Queryable, job: string, holder: string): Promise<void> {
  await db.query(`DELETE FROM job_leases WHERE name = $1 AND holder = $2`, [job, holder]);
}
