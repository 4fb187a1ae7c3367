import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who runs each periodic job (the sweeper, the reconciler) until when: one process at a time (src/database/job-lease.ts). */
export class JobLeases1796600012000 implements MigrationInterface {
  name = 'JobLeases1796600012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS "job_leases" ("name" varchar(64) PRIMARY KEY, "holder" varchar(100) NOT NULL, "expires_at" timestamptz NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "job_leases"');
  }
}
