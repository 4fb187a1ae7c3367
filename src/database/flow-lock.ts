import type { Queryable } from './queryable.js';

/**
 * Holds one subscription's flow lock until the transaction ends: admissions under its maxConcurrency, the look
 * for the next delivery waiting for a place, and a limit change's release of the waiting deliveries take it, so
 * none of them misses what another committed just before (see activities/flow-control.ts).
 */
export async function lockFlow(tx: Queryable, subscriptionId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('flow:' || $1, 0))`, [subscriptionId]);
}

/**
 * Takes one subscription's flow lock until the transaction ends if it is free now; false if another holds it.
 * For a caller that would rather give its connection back than wait on the lock with it (see admitFlow).
 */
export async function tryLockFlow(tx: Queryable, subscriptionId: string): Promise<boolean> {
  const [row]: { locked: boolean }[] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('flow:' || $1, 0)) AS locked`, [
    subscriptionId,
  ]);
  return row.locked;
}
