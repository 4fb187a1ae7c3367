import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Replays (POST /v1/replays): their filters, progress and the cursor a resumed run goes on from. */
export class Replays1796252872123 implements MigrationInterface {
  name = 'Replays1796252872123';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "replays" ("id" character varying(40) NOT NULL, "tenant_id" character varying(40) NOT NULL, "idempotency_key" character varying(255), "filters" jsonb NOT NULL, "created_before" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "total" integer NOT NULL, "sent" integer NOT NULL DEFAULT \'0\', "skipped" integer NOT NULL DEFAULT \'0\', "cursor" character varying(40), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25cfbee6682178c5c90149cbb3a" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_f0b8c1fef7a7aa88d2d84b22c8" ON "replays"  ("tenant_id", "id") ');
    await q.query(
      'CREATE UNIQUE INDEX "IDX_cc7b29f2d56eca056e80566054" ON "replays"  ("tenant_id", "idempotency_key") WHERE idempotency_key IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."IDX_cc7b29f2d56eca056e80566054"');
    await q.query('DROP INDEX "public"."IDX_f0b8c1fef7a7aa88d2d84b22c8"');
    await q.query('DROP TABLE "replays"');
  }
}
