import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ed25519 signatures: the public key of the subscription's signing key, and the previous one during a grace. */
export class Ed25519Keys1795685000000 implements MigrationInterface {
  name = 'Ed25519Keys1795685000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" ADD "public_key" text');
    await q.query('ALTER TABLE "subscriptions" ADD "previous_public_key" text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "previous_public_key"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "public_key"');
  }
}
