import { Context } from '@temporalio/activity';
import { PURGE_BATCH, purgeEventPayloads, purgeResponseBodies } from '../src/retention/purge.js';
import type { PurgeInput, PurgeRound } from '../workflows/retention-contracts.js';
import type { ActivityDeps } from './deps.js';

/** How long one round purges before handing back to its workflow (whose history then shows progress). */
const ROUND_MS = 60_000;
const DAY_MS = 86_400_000;

/** Purges batches of payloads and response bodies past the retention, heartbeating, for at most a minute. */
export async function purgeExpired(deps: Pick<ActivityDeps, 'db' | 'onPurged'>, input: PurgeInput): Promise<PurgeRound> {
  const cutoff = new Date(Date.now() - input.retentionDays * DAY_MS);
  const until = Date.now() + ROUND_MS;
  const totals = { events: 0, responseBodies: 0 };
  for (;;) {
    const events = await purgeEventPayloads(deps.db, cutoff);
    const responseBodies = await purgeResponseBodies(deps.db, cutoff);
    totals.events += events;
    totals.responseBodies += responseBodies;
    Context.current().heartbeat(totals);
    const more = events === PURGE_BATCH || responseBodies === PURGE_BATCH;
    if (!more || Date.now() > until) {
      deps.onPurged?.();
      return { ...totals, more };
    }
  }
}
