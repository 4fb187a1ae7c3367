import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reconciler's second look: dispatched `retrying` deliveries by when their next attempt was due. */
export class DeliveriesRetryDueIndex1796600011000 implements MigrationInterface {
  name = 'DeliveriesRetryDueIndex1796600011000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_retry_due" ON "deliveries" ("next_attempt_at", "id") WHERE status = 'retrying' AND dispatched`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_retry_due"');
  }
}
