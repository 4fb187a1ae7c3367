import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENDED = `('succeeded', 'failed', 'cancelled')`;

/**
 * FIFO lines keep their order whatever ends in the middle: each ordered delivery gets its place in its line
 * (`line_position`), an attempt in flight is marked (`in_flight_until`) so that a cancel during it does not let
 * the line go on, and a delivery goes only when no earlier one of its line still holds it (see
 * src/deliveries/delivery-lines.ts). Deliveries already in a line get their places from the predecessor chains,
 * before every new one.
 */
export class FifoLineHolders1796450000000 implements MigrationInterface {
  name = 'FifoLineHolders1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "delivery_lines" ADD "last_position" bigint NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "deliveries" ADD "line_position" bigint');
    await q.query('ALTER TABLE "deliveries" ADD "in_flight_until" TIMESTAMP WITH TIME ZONE');
    // Each line's unfinished deliveries, numbered back from its tail (0) along the predecessor chain.
    await q.query(
      `WITH RECURSIVE walk AS (
         SELECT tail_id AS id, 0::bigint AS depth FROM delivery_lines
         UNION ALL
         SELECT d.predecessor_id, walk.depth + 1 FROM walk JOIN deliveries d ON d.id = walk.id WHERE d.predecessor_id IS NOT NULL
       )
       UPDATE deliveries d SET line_position = -walk.depth
         FROM walk WHERE d.id = walk.id AND d.ordering_key IS NOT NULL AND d.status NOT IN ${ENDED}`,
    );
    // Unfinished deliveries no line's tail leads to any more (their line was closed too early): before the rest.
    await q.query(
      `UPDATE deliveries d SET line_position = o.position
         FROM (SELECT id, row_number() OVER (PARTITION BY subscription_id, ordering_key ORDER BY id) - 1000000000000 AS position
                 FROM deliveries WHERE ordering_key IS NOT NULL AND line_position IS NULL AND status NOT IN ${ENDED}) o
        WHERE d.id = o.id`,
    );
    await q.query(
      `CREATE INDEX "idx_deliveries_line_holders" ON "deliveries" ("subscription_id", "ordering_key", "line_position") WHERE line_position IS NOT NULL AND (status NOT IN ${ENDED} OR in_flight_until IS NOT NULL)`,
    );
    await q.query('DROP INDEX "public"."idx_deliveries_predecessor"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_deliveries_predecessor" ON "deliveries" ("predecessor_id") WHERE predecessor_id IS NOT NULL');
    await q.query('DROP INDEX "public"."idx_deliveries_line_holders"');
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "in_flight_until"');
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "line_position"');
    await q.query('ALTER TABLE "delivery_lines" DROP COLUMN "last_position"');
  }
}
