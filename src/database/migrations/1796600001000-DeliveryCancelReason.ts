import type { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './online.js';

/** Why a delivery was cancelled when a person's choice says more than `cancelled` (a skipped FIFO head). */
export class DeliveryCancelReason1796600001000 implements MigrationInterface {
  name = 'DeliveryCancelReason1796600001000';

  async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, 'ALTER TABLE "deliveries" ADD "cancel_reason" character varying(16)');
  }

  async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, 'ALTER TABLE "deliveries" DROP COLUMN "cancel_reason"');
  }
}
