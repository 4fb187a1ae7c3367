import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention: when an event's payload was purged, and the indexes the purge walks oldest first. */
export class RetentionPurge1796250931093 implements MigrationInterface {
  name = 'RetentionPurge1796250931093';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "events" ADD "purged_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "IDX_05737bbf17652f1ac1e424da15" ON "attempts"  ("started_at") WHERE response_body IS NOT NULL');
    await q.query('CREATE INDEX "IDX_5f2a782cdaee36b06b45b420b9" ON "events"  ("created_at") WHERE purged_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."IDX_5f2a782cdaee36b06b45b420b9"');
    await q.query('DROP INDEX "public"."IDX_05737bbf17652f1ac1e424da15"');
    await q.query('ALTER TABLE "events" DROP COLUMN "purged_at"');
  }
}
