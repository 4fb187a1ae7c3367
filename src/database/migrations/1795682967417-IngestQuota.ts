import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-tenant ingest quota: the tenant's own setting (null: the config default) and the shared bucket. */
export class IngestQuota1795682967417 implements MigrationInterface {
  name = 'IngestQuota1795682967417';

  async up(q: QueryRunner): Promise<void> {
    // UNLOGGED: a bucket take then commits without a WAL flush (about half the statement's time on the ingest
    // path). The price: a crash or a failover empties the table, which gives every tenant a full bucket once.
    await q.query(
      'CREATE UNLOGGED TABLE "ingest_buckets" ("tenant_id" character varying(40) NOT NULL, "full_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d7067add9a1e4c0084b43701260" PRIMARY KEY ("tenant_id"))',
    );
    await q.query('ALTER TABLE "tenants" ADD "events_per_second" integer');
    await q.query('ALTER TABLE "tenants" ADD "events_burst" integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tenants" DROP COLUMN "events_burst"');
    await q.query('ALTER TABLE "tenants" DROP COLUMN "events_per_second"');
    await q.query('DROP TABLE "ingest_buckets"');
  }
}
