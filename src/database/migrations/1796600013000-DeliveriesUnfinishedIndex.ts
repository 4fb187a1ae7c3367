import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's unfinished deliveries: what deleting it cancels and what its closing circuit wakes. Without
 * it both walk every delivery the subscription ever had.
 */
export class DeliveriesUnfinishedIndex1796600013000 implements MigrationInterface {
  name = 'DeliveriesUnfinishedIndex1796600013000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_unfinished" ON "deliveries" ("subscription_id", "id") WHERE status NOT IN ('succeeded', 'failed', 'cancelled')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_unfinished"');
  }
}
