import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-subscription flow limits (src/policy/flow-limits.ts): the settings (rate, burst, maxConcurrency), the
 * throttle a 429 or 503 sets, the rate bucket, and the indexes that find a subscription's attempts in flight and
 * its waiting deliveries.
 */
export class SubscriptionFlowLimits1795684000000 implements MigrationInterface {
  name = 'SubscriptionFlowLimits1795684000000';

  async up(q: QueryRunner): Promise<void> {
    // UNLOGGED, as ingest_buckets: a take commits without a WAL flush; a crash gives each subscription a full bucket.
    await q.query(
      'CREATE UNLOGGED TABLE "rate_buckets" ("subscription_id" character varying(40) NOT NULL, "full_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queue_at" TIMESTAMP WITH TIME ZONE, "taken" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_c261b229650c936f908a7dea13c" PRIMARY KEY ("subscription_id"))',
    );
    await q.query('ALTER TABLE "subscriptions" ADD "rate_per_second" double precision');
    await q.query('ALTER TABLE "subscriptions" ADD "rate_burst" integer');
    await q.query('ALTER TABLE "subscriptions" ADD "max_concurrency" integer');
    await q.query('ALTER TABLE "subscriptions" ADD "throttled_until" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "subscriptions" ADD "throttle_strikes" integer NOT NULL DEFAULT \'0\'');
    await q.query('CREATE INDEX "idx_deliveries_waiting" ON "deliveries"  ("subscription_id", "id") WHERE waiting_for IS NOT NULL');
    await q.query('CREATE INDEX "idx_deliveries_sending" ON "deliveries"  ("subscription_id") WHERE status = \'sending\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_deliveries_sending"');
    await q.query('DROP INDEX "public"."idx_deliveries_waiting"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "throttle_strikes"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "throttled_until"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "max_concurrency"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "rate_burst"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "rate_per_second"');
    await q.query('DROP TABLE "rate_buckets"');
  }
}
