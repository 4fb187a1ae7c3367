import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795621135737 implements MigrationInterface {
  name = 'Initial1795621135737';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "attempts" ("id" character varying(40) NOT NULL, "delivery_id" character varying(40) NOT NULL, "number" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "status_code" integer, "response_body" text, "error_type" character varying(16), "error_message" text, CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "IDX_67f204a22da6e9eefd985c16e4" ON "attempts"  ("delivery_id", "number") ');
    await q.query(
      'CREATE TABLE "deliveries" ("id" character varying(40) NOT NULL, "tenant_id" character varying(40) NOT NULL, "event_id" character varying(40) NOT NULL, "subscription_id" character varying(40) NOT NULL, "event_type" character varying(100) NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "attempt_count" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "dispatched" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "idx_deliveries_undispatched" ON "deliveries"  ("created_at") WHERE dispatched = false');
    await q.query('CREATE INDEX "IDX_f8c7895e7d01b9e5849f9767e0" ON "deliveries"  ("tenant_id", "id") ');
    await q.query('CREATE INDEX "IDX_6a9b04f909fedcc6438b48b90c" ON "deliveries"  ("event_id") ');
    await q.query('CREATE INDEX "IDX_0eba02abbe616b76c4ed5b925f" ON "deliveries"  ("subscription_id", "id") ');
    await q.query(
      'CREATE TABLE "event_types" ("tenant_id" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "description" text, "schema" jsonb, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_742d712245480eec9ea52303c2f" PRIMARY KEY ("tenant_id", "name"))',
    );
    await q.query(
      'CREATE TABLE "events" ("id" character varying(40) NOT NULL, "tenant_id" character varying(40) NOT NULL, "type" character varying(100) NOT NULL, "data" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "idempotency_key" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "IDX_bc9446c3a9d9fd48120ff2ab00" ON "events"  ("tenant_id", "idempotency_key") WHERE idempotency_key IS NOT NULL',
    );
    await q.query('CREATE INDEX "IDX_700597e26df59e1931a61cf847" ON "events"  ("tenant_id", "id") ');
    await q.query(
      'CREATE TABLE "subscriptions" ("id" character varying(40) NOT NULL, "tenant_id" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "filter" jsonb, "status" character varying(16) NOT NULL DEFAULT \'active\', "disabled_reason" text, "headers" jsonb NOT NULL DEFAULT \'{}\', "auth" jsonb, "signature_scheme" character varying(32) NOT NULL DEFAULT \'standard-webhooks\', "signature_header" character varying(100), "payload_format" character varying(16) NOT NULL DEFAULT \'envelope\', "retry_schedule" integer array NOT NULL, "timeout_ms" integer NOT NULL DEFAULT \'15000\', "secret" text NOT NULL, "previous_secret" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a87248d73155605cf782be9ee5e" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_0193aef38fc552e0d97a8b2468" ON "subscriptions"  ("tenant_id", "id") WHERE deleted_at IS NULL');
    await q.query(
      'CREATE TABLE "api_keys" ("id" character varying(40) NOT NULL, "tenant_id" character varying(40) NOT NULL, "key_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_3ac18429c8d27858d79432e0dd" ON "api_keys"  ("tenant_id") ');
    await q.query('CREATE UNIQUE INDEX "IDX_57384430aa1959f4578046c9b8" ON "api_keys"  ("key_hash") ');
    await q.query(
      'CREATE TABLE "tenants" ("id" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_32731f181236a46182a38c992a8" UNIQUE ("name"), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "tenants"');
    await q.query('DROP INDEX "public"."IDX_57384430aa1959f4578046c9b8"');
    await q.query('DROP INDEX "public"."IDX_3ac18429c8d27858d79432e0dd"');
    await q.query('DROP TABLE "api_keys"');
    await q.query('DROP INDEX "public"."IDX_0193aef38fc552e0d97a8b2468"');
    await q.query('DROP TABLE "subscriptions"');
    await q.query('DROP INDEX "public"."IDX_700597e26df59e1931a61cf847"');
    await q.query('DROP INDEX "public"."IDX_bc9446c3a9d9fd48120ff2ab00"');
    await q.query('DROP TABLE "events"');
    await q.query('DROP TABLE "event_types"');
    await q.query('DROP INDEX "public"."IDX_0eba02abbe616b76c4ed5b925f"');
    await q.query('DROP INDEX "public"."IDX_6a9b04f909fedcc6438b48b90c"');
    await q.query('DROP INDEX "public"."IDX_f8c7895e7d01b9e5849f9767e0"');
    await q.query('DROP INDEX "public"."idx_deliveries_undispatched"');
    await q.query('DROP TABLE "deliveries"');
    await q.query('DROP INDEX "public"."IDX_67f204a22da6e9eefd985c16e4"');
    await q.query('DROP TABLE "attempts"');
  }
}
