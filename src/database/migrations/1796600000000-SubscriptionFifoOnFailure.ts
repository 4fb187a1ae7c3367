import type { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './online.js';

/** A FIFO subscription's choice after a head exhausts its retries: its line goes on (`skip`) or waits (`block`). */
export class SubscriptionFifoOnFailure1796600000000 implements MigrationInterface {
  name = 'SubscriptionFifoOnFailure1796600000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: a catalog change only, no table rewrite.
    await withLockTimeout(q, `ALTER TABLE "subscriptions" ADD "fifo_on_failure" character varying(8) NOT NULL DEFAULT 'skip'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, 'ALTER TABLE "subscriptions" DROP COLUMN "fifo_on_failure"');
  }
}
