import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenTelemetry: the ingest request's `traceparent` kept with each event, so a workflow started later (the
 * outbox, another process) continues its trace; and the subscriptions that want `traceparent` sent to them.
 */
export class TraceContext1796420000000 implements MigrationInterface {
  name = 'TraceContext1796420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "events" ADD "trace_parent" character varying(55)');
    await q.query('ALTER TABLE "subscriptions" ADD "trace_context" boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "subscriptions" DROP COLUMN "trace_context"');
    await q.query('ALTER TABLE "events" DROP COLUMN "trace_parent"');
  }
}
