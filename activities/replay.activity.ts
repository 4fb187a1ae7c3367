import { alreadyResent, writeRedeliveries, type Original, type Redelivery } from '../src/database/delivery-store/index.js';
import { Replay } from '../src/replays/replay.entity.js';
import { replaySelection } from '../src/database/replay-selection.js';
import type { ReplayBatchResult, ReplayInput } from '../workflows/replay-contracts.js';
import type { ActivityDeps } from './deps.js';

export const REPLAY_BATCH = 100;
/** The pace of a replay whose subscriptions have no rate limit: the engine takes it from there. */
export const REPLAY_PER_SECOND = 200;

/**
 * One batch of a replay: the next deliveries it names (oldest first, after the cursor), their redeliveries and
 * the replay's progress, in one transaction; then their workflows start (a start lost here is made by the
 * sweeper). A retry after a crash reads the cursor the last commit left. A delivery already sent again (a
 * redelivery under way or succeeded, by an overlapping replay, a recover or a redeliver) is skipped: the batches
 * of one tenant's replays take turns, so two replays naming the same delivery send it once.
 */
export async function replayBatch(deps: Pick<ActivityDeps, 'db' | 'dispatch'>, input: ReplayInput): Promise<ReplayBatchResult> {
  const outcome = await deps.db.transaction(async (tx) => {
    const replay = await tx.getRepository(Replay).findOne({ where: { id: input.replayId }, lock: { mode: 'pessimistic_write' } });
    if (!replay || replay.status !== 'running') return null;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`replay:${replay.tenantId}`]);
    const sel = replaySelection(replay.tenantId, replay.filters, replay.createdBefore);
    const after = replay.cursor ? ` AND d.id > $${sel.params.length + 1}` : '';
    const batch: Original[] = await tx.query(
      `SELECT d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.subscription_id AS "subscriptionId"
         FROM deliveries d WHERE ${sel.sql}${after} ORDER BY d.id LIMIT ${REPLAY_BATCH}`,
      replay.cursor ? [...sel.params, replay.cursor] : sel.params,
    );
    const resent = await alreadyResent(
      tx,
      batch.map((d) => d.id),
    );
    const items = await writeRedeliveries(
      tx,
      replay.tenantId,
      batch.filter((d) => !resent.has(d.id)),
    );
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
  if (outcome.items.length) await deps.dispatch.start(outcome.items);
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
