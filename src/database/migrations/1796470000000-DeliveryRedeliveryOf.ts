import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A redelivery names the delivery it sends again, so replays and recovers can send each delivery once. */
export class DeliveryRedeliveryOf1796470000000 implements MigrationInterface {
  name = 'DeliveryRedeliveryOf1796470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "deliveries" ADD "redelivery_of" character varying(40)');
    await q.query('CREATE INDEX "idx_deliveries_redelivery_of" ON "deliveries"  ("redelivery_of") WHERE redelivery_of IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_deliveries_redelivery_of"');
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "redelivery_of"');
  }
}
