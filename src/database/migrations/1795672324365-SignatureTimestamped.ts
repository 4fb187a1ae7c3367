import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignatureTimestamped1795672324365 implements MigrationInterface {
  name = 'SignatureTimestamped1795672324365';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" ADD "signature_timestamped" boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "signature_timestamped"');
  }
}
