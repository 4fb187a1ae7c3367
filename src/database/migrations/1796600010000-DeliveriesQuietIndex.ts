import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reconciler's first look: dispatched deliveries `scheduled` or `sending` that have been quiet a while, oldest
 * first. Only unfinished rows are in it, so a pass reads what is stuck, never the ended deliveries around them.
 */
export class DeliveriesQuietIndex1796600010000 implements MigrationInterface {
  name = 'DeliveriesQuietIndex1796600010000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_quiet" ON "deliveries" ("updated_at", "id") WHERE status IN ('scheduled', 'sending') AND dispatched`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_quiet"');
  }
}
