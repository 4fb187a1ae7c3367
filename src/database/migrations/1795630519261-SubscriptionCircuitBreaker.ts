import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscriptionCircuitBreaker1795630519261 implements MigrationInterface {
  name = 'SubscriptionCircuitBreaker1795630519261';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" ADD "consecutive_failures" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "subscriptions" ADD "circuit_open_until" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "subscriptions" ADD "circuit_trips" integer NOT NULL DEFAULT \'0\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "circuit_trips"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "circuit_open_until"');
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "consecutive_failures"');
  }
}
