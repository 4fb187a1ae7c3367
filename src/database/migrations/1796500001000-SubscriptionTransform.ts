import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transformations: a subscription's JSONata expression that reshapes the body it is sent. */
export class SubscriptionTransform1796500001000 implements MigrationInterface {
  name = 'SubscriptionTransform1796500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL lock_timeout = '5s'`);
    await q.query('ALTER TABLE "subscriptions" ADD "transform" text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL lock_timeout = '5s'`);
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "transform"');
  }
}
