import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mutual TLS to the receiver: a subscription's client certificate, its private key sealed. */
export class SubscriptionClientTls1796500000000 implements MigrationInterface {
  name = 'SubscriptionClientTls1796500000000';

  async up(q: QueryRunner): Promise<void> {
    // A nullable column without a default is a catalog change; the short wait keeps a busy table from queueing behind it.
    await q.query(`SET LOCAL lock_timeout = '5s'`);
    await q.query('ALTER TABLE "subscriptions" ADD "client_tls" jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL lock_timeout = '5s'`);
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "client_tls"');
  }
}
