import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubscriptionFailingSince1795622572908 implements MigrationInterface {
  name = 'SubscriptionFailingSince1795622572908';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" ADD "failing_since" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "failing_since"');
  }
}
