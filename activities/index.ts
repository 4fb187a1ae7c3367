import type { DeliveryActivities } from '../workflows/contracts.js';
import type { ReplayActivities } from '../workflows/replay-contracts.js';
import type { RetentionActivities } from '../workflows/retention-contracts.js';
import { attemptDelivery } from './attempt.activity.js';
import { purgeExpired } from './purge.activity.js';
import { replayBatch } from './replay.activity.js';
import type { ActivityDeps } from './deps.js';
import { writeOperationalEvent } from '../src/database/delivery-store/index.js';

export type { ActivityDeps } from './deps.js';

/** The worker's activities, bound to their dependencies (database, HTTP pool, dispatch, log, metrics). */
export function createActivities(deps: ActivityDeps): DeliveryActivities & RetentionActivities & ReplayActivities {
  return {
    attemptDelivery: (input) => attemptDelivery(deps, input),
    purgeExpired: (input) => purgeExpired(deps, input),
    replayBatch: (input) => replayBatch(deps, input),
    // Workflows whose attempt ran on code from before operational events were written with the outcome ask for
    // them here; kept so that their histories replay and their events are raised.
    raiseEvents: async (requests) => {
      for (const request of requests) await deps.dispatch.start(await writeOperationalEvent(deps.db, request));
    },
  };
}
