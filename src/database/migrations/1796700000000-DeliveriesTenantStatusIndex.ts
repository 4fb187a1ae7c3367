import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A tenant's deliveries of one status, newest first: the search and replays by status (failed, say) read only those. */
export class DeliveriesTenantStatusIndex1796700000000 implements MigrationInterface {
  name = 'DeliveriesTenantStatusIndex1796700000000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_deliveries_tenant_status" ON "deliveries" ("tenant_id", "status", "id")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_deliveries_tenant_status"');
  }
}
