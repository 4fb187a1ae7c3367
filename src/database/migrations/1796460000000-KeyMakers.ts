import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who made each API key (`created_by`): a key never outlives its maker, and an operator key's grants end with it. */
export class KeyMakers1796460000000 implements MigrationInterface {
  name = 'KeyMakers1796460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "api_keys" ADD "created_by" character varying(40)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "api_keys" DROP COLUMN "created_by"');
  }
}
