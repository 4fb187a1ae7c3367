import { log, proxyActivities } from '@temporalio/workflow';
import type { PurgeCounts, PurgeInput, RetentionActivities } from './retention-contracts.js';

const { purgeExpired } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

/** Rounds one run makes; a backlog larger than that is finished by the next scheduled run. */
const MAX_ROUNDS = 100;

/**
 * The retention purge, started by the `retention-purge-<task queue>` schedule: rounds of batched purges (each a
 * real activity, retried if its worker dies) until nothing past the retention is left. Its result, in the
 * Temporal UI, says what it purged (and, with a metadata retention, what it deleted).
 */
export async function purgeExpiredData(input: PurgeInput): Promise<PurgeCounts> {
  const totals: PurgeCounts = { events: 0, responseBodies: 0 };
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const purged = await purgeExpired(input);
    totals.events += purged.events;
    totals.responseBodies += purged.responseBodies;
    // Only in results (no command changes, so old histories replay as they were): rounds of older workers lack them.
    for (const key of ['eventsDeleted', 'deliveriesDeleted', 'attemptsDeleted'] as const)
      if (purged[key] !== undefined) totals[key] = (totals[key] ?? 0) + purged[key];
    if (!purged.more) break;
    log.info('retention purge: more to do', { round, ...totals });
  }
  return totals;
}
