import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/errors.js';
import type { Queryable } from '../database/queryable.js';

const limitReached = (count: number, max: number) =>
  new AppError(
    'subscription-limit-reached',
    HttpStatus.UNPROCESSABLE_ENTITY,
    'Subscription limit reached',
    `This tenant has ${count} subscriptions, the most MAX_SUBSCRIPTIONS_PER_TENANT (${max}) allows; delete one before creating another.`,
  );

/**
 * Refuses a new subscription past the tenant's cap: every live subscription is matched against every event the
 * tenant sends. Call inside the transaction that inserts it; the lock keeps concurrent creates in line.
 */
export async function checkSubscriptionQuota(tx: Queryable, tenantId: string, max: number): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('subscriptions:' || $1))`, [tenantId]);
  const [{ count }]: { count: number }[] = await tx.query(
    `SELECT count(*)::int AS count FROM subscriptions WHERE tenant_id = $1 AND deleted_at IS NULL`,
    [tenantId],
  );
  if (count >= max) throw limitReached(count, max);
}
