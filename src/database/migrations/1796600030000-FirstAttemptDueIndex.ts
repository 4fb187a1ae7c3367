import type { MigrationInterface, QueryRunner } from 'typeorm';

/** /metrics reads the oldest delivery still waiting for its first attempt with one probe of this index. */
export class FirstAttemptDueIndex1796600030000 implements MigrationInterface {
  name = 'FirstAttemptDueIndex1796600030000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_first_attempt_due" ON "deliveries" ("created_at") WHERE attempt_count = 0 AND status IN ('scheduled', 'sending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_first_attempt_due"');
  }
}
