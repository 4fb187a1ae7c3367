import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A subscription's rate queue is the deliveries still waiting for their slots: its end is read by this index. */
export class RateQueueIndex1796450001000 implements MigrationInterface {
  name = 'RateQueueIndex1796450001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_deliveries_rate_queue" ON "deliveries" ("subscription_id", "next_attempt_at") WHERE waiting_for = 'rate' AND status IN ('scheduled', 'retrying')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."idx_deliveries_rate_queue"');
  }
}
