import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operator keys (no tenant: `tenant_id` null), key scopes (null: every tenant scope, as for every existing key)
 * and expiry, and the tenant's `external_id`. The change feed needs no new trigger: the `api_keys` one fires on
 * every row change and names an operator key by its own id (`COALESCE(tenant_id, id)`), which is how
 * KeyDirectory files it; `external_id` never changes after creation.
 */
export class TenantsActingAndScopedKeys1796301000000 implements MigrationInterface {
  name = 'TenantsActingAndScopedKeys1796301000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "api_keys" ADD "scopes" character varying(16) array');
    await q.query('ALTER TABLE "api_keys" ADD "expires_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "tenants" ADD "external_id" character varying(100)');
    await q.query('ALTER TABLE "tenants" ADD CONSTRAINT "UQ_c03ff7a4de2cf479a6f2280bde2" UNIQUE ("external_id")');
    await q.query('ALTER TABLE "api_keys" ALTER COLUMN "tenant_id" DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "api_keys" WHERE "tenant_id" IS NULL');
    await q.query('ALTER TABLE "api_keys" ALTER COLUMN "tenant_id" SET NOT NULL');
    await q.query('ALTER TABLE "tenants" DROP CONSTRAINT "UQ_c03ff7a4de2cf479a6f2280bde2"');
    await q.query('ALTER TABLE "tenants" DROP COLUMN "external_id"');
    await q.query('ALTER TABLE "api_keys" DROP COLUMN "expires_at"');
    await q.query('ALTER TABLE "api_keys" DROP COLUMN "scopes"');
  }
}
