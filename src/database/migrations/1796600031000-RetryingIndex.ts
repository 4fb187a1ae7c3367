import type { MigrationInterface, QueryRunner } from 'typeorm';

/** /metrics reads the oldest retrying delivery with one probe of this index. */
export class RetryingIndex1796600031000 implements MigrationInterface {
  name = 'RetryingIndex1796600031000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_retrying" ON "deliveries" ("created_at") WHERE status = 'retrying'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_retrying"');
  }
}
