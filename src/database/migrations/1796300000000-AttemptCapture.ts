import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Full attempt capture: the headers as sent and as answered, where the time went, the address reached. */
export class AttemptCapture1796300000000 implements MigrationInterface {
  name = 'AttemptCapture1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "attempts" ADD "request_headers" jsonb');
    await q.query('ALTER TABLE "attempts" ADD "response_headers" jsonb');
    await q.query('ALTER TABLE "attempts" ADD "timings" jsonb');
    await q.query('ALTER TABLE "attempts" ADD "remote_address" character varying(64)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "attempts" DROP COLUMN "remote_address"');
    await q.query('ALTER TABLE "attempts" DROP COLUMN "timings"');
    await q.query('ALTER TABLE "attempts" DROP COLUMN "response_headers"');
    await q.query('ALTER TABLE "attempts" DROP COLUMN "request_headers"');
  }
}
