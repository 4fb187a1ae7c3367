import { MoreThan } from 'typeorm';
import { deliveryWhere } from '../src/deliveries/delivery-filters.js';
import { Delivery } from '../src/deliveries/delivery.entity.js';
import { writeRedeliveries, type Redelivery } from '../src/deliveries/redeliveries.js';
import { Replay } from '../src/replays/replay.entity.js';
import type { ReplayBatchResult, ReplayInput } from '../workflows/replay-contracts.js';
import type { ActivityDeps } from './deps.js';

export const REPLAY_BATCH = 100;
/** The pace of a replay whose subscriptions have no rate limit: the engine takes it from there. */
export const REPLAY_PER_SECOND = 200;

/**
 * One batch of a replay: the next deliveries the filters name (oldest first, after the cursor), their
 * redeliveries and the replay's progress, in one transaction; then their workflows start (a start lost here is
 * made by the sweeper). A retry after a crash reads the cursor the last commit left.
 */
export async function replayBatch(deps: Pick<ActivityDeps, 'db' | 'signaller'>, input: ReplayInput): Promise<ReplayBatchResult> {
  const outcome = await deps.db.transaction(async (tx) => {
    const replay = await tx.getRepository(Replay).findOne({ where: { id: input.replayId }, lock: { mode: 'pessimistic_write' } });
    if (!replay || replay.status !== 'running') return null;
    const where = deliveryWhere(replay.tenantId, { ...replay.filters, until: replay.createdBefore.toISOString() });
    if (replay.cursor) where.id = MoreThan(replay.cursor);
    const batch = await tx.getRepository(Delivery).find({ where, order: { id: 'ASC' }, take: REPLAY_BATCH });
    const items = await writeRedeliveries(tx, replay.tenantId, batch);
    const done = batch.length < REPLAY_BATCH;
    await tx.query(
      `UPDATE replays SET cursor = coalesce($2, cursor), sent = sent + $3, skipped = skipped + $4, updated_at = now(),
              status = CASE WHEN $5 THEN 'completed' ELSE status END, completed_at = CASE WHEN $5 THEN now() END
        WHERE id = $1`,
      [replay.id, batch.at(-1)?.id ?? null, items.length, batch.length - items.length, done],
    );
    return { items, done, skipped: batch.length - items.length };
  });
  if (!outcome) return { done: true, sent: 0, skipped: 0, pauseMs: 0 };
  if (outcome.items.length) await deps.signaller.start(outcome.items);
  return { done: outcome.done, sent: outcome.items.length, skipped: outcome.skipped, pauseMs: await pauseFor(deps, outcome.items) };
}

/** Time for these redeliveries at the pace of the slowest rate limit among their subscriptions. */
async function pauseFor(deps: Pick<ActivityDeps, 'db'>, items: Redelivery[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows: { slowest: number | null }[] = await deps.db.query(
    `SELECT min(rate_per_second) AS slowest FROM subscriptions WHERE id = ANY($1)`,
    [[...new Set(items.map((i) => i.subscriptionId))]],
  );
  const slowest = rows[0]?.slowest ?? null;
  return Math.round((items.length / Math.min(slowest ?? REPLAY_PER_SECOND, REPLAY_PER_SECOND)) * 1000);
}
