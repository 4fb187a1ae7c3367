import { Context } from '@temporalio/activity';
import { PURGE_BATCH, purgeEventPayloads, purgeResponseBodies } from '../src/retention/purge.js';
import { MetadataRetentionWalk, type DeletedRows } from '../src/retention/metadata-retention.js';
import type { PurgeInput, PurgeRound } from '../workflows/retention-contracts.js';
import type { ActivityDeps } from './deps.js';

/** How long one round purges before handing back to its workflow (whose history then shows progress). */
const ROUND_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Purges batches of payloads and response bodies past the retention and, with a metadata retention, deletes
 * batches of ended events past it with their deliveries and attempts; heartbeating, for at most a minute.
 */
export async function purgeExpired(
  deps: Pick<ActivityDeps, 'db' | 'onPurged' | 'onRowsDeleted' | 'log'>,
  input: PurgeInput,
): Promise<PurgeRound> {
  const now = Date.now();
  const cutoff = new Date(now - input.retentionDays * DAY_MS);
  const metadataDays = input.metadataRetentionDays ?? null;
  const walk = metadataDays === null ? null : new MetadataRetentionWalk(deps.db, new Date(now - metadataDays * DAY_MS));
  const until = now + ROUND_MS;
  const totals = { events: 0, responseBodies: 0 };
  const deleted: DeletedRows = { eventsDeleted: 0, deliveriesDeleted: 0, attemptsDeleted: 0 };
  for (;;) {
    const events = await purgeEventPayloads(deps.db, cutoff);
    const responseBodies = await purgeResponseBodies(deps.db, cutoff);
    totals.events += events;
    totals.responseBodies += responseBodies;
    // After the payloads: the walk deletes only events whose payload is gone (see expired-rows.ts).
    if (walk) {
      const step = await walk.step();
      for (const key of Object.keys(deleted) as (keyof DeletedRows)[]) deleted[key] += step[key];
      deps.onRowsDeleted?.(step);
    }
    Context.current().heartbeat({ ...totals, ...deleted });
    const more = events === PURGE_BATCH || responseBodies === PURGE_BATCH || (walk !== null && !walk.done);
    if (!more || Date.now() > until) {
      if (walk && deleted.eventsDeleted > 0)
        deps.log.log(
          `metadata retention: ${deleted.eventsDeleted} events, ${deleted.deliveriesDeleted} deliveries and ${deleted.attemptsDeleted} attempts older than ${metadataDays} days deleted`,
        );
      deps.onPurged?.();
      return walk ? { ...totals, ...deleted, more } : { ...totals, more };
    }
  }
}
