import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HeldDeliveriesIndex1795622646530 implements MigrationInterface {
  name = 'HeldDeliveriesIndex1795622646530';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_deliveries_held" ON "deliveries"  ("subscription_id", "id") WHERE status = \'held\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_deliveries_held"');
  }
}
