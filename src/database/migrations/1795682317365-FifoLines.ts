import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FifoLines1795682317365 implements MigrationInterface {
  name = 'FifoLines1795682317365';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "delivery_lines" ("subscription_id" character varying(40) NOT NULL, "ordering_key" text NOT NULL, "tail_id" character varying(40) NOT NULL, "previous_tail_id" character varying(40), CONSTRAINT "PK_d00a7a418e3357603a4ed99cc8a" PRIMARY KEY ("subscription_id", "ordering_key"))',
    );
    await q.query('ALTER TABLE "deliveries" ADD "ordering_key" text');
    await q.query('ALTER TABLE "deliveries" ADD "predecessor_id" character varying(40)');
    await q.query('ALTER TABLE "subscriptions" ADD "ordering" character varying(8) NOT NULL DEFAULT \'none\'');
    await q.query('ALTER TABLE "subscriptions" ADD "ordering_key" text');
    await q.query('CREATE INDEX "idx_deliveries_predecessor" ON "deliveries"  ("predecessor_id") WHERE predecessor_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_deliveries_predecessor"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "ordering_key"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "ordering"');
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "predecessor_id"');
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "ordering_key"');
    await q.query('DROP TABLE "delivery_lines"');
  }
}
