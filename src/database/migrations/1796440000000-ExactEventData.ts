import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event data kept as the exact text received (`data_text`), no longer as jsonb, which reorders keys and rewrites
 * numbers. Both steps change the catalog only (no table rewrite, no long lock): rows written before keep their
 * jsonb `data` and are read from it while their `data_text` is null.
 */
export class ExactEventData1796440000000 implements MigrationInterface {
  name = 'ExactEventData1796440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "events" ADD "data_text" text');
    await q.query('ALTER TABLE "events" ALTER COLUMN "data" DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('UPDATE "events" SET "data" = "data_text"::jsonb WHERE "data" IS NULL');
    await q.query('ALTER TABLE "events" ALTER COLUMN "data" SET NOT NULL');
    await q.query('ALTER TABLE "events" DROP COLUMN "data_text"');
  }
}
