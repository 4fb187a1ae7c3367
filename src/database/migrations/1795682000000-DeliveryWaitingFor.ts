import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryWaitingFor1795682000000 implements MigrationInterface {
  name = 'DeliveryWaitingFor1795682000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "deliveries" ADD "waiting_for" character varying(16)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "waiting_for"');
  }
}
