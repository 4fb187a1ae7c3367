import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A tenant's events of one type, newest first: the event list by type reads only those. */
export class EventsTenantTypeIndex1796700002000 implements MigrationInterface {
  name = 'EventsTenantTypeIndex1796700002000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_events_tenant_type" ON "events" ("tenant_id", "type", "id")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_events_tenant_type"');
  }
}
