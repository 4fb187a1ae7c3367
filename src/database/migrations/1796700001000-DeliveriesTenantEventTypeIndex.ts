import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A tenant's deliveries of one event type, newest first: the search and replays by event type read only those. */
export class DeliveriesTenantEventTypeIndex1796700001000 implements MigrationInterface {
  name = 'DeliveriesTenantEventTypeIndex1796700001000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_tenant_event_type" ON "deliveries" ("tenant_id", "event_type", "id")',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_tenant_event_type"');
  }
}
