import type { Client } from '@temporalio/client';
import type { StarterOptions } from '../src/deliveries/workflow-starter.js';
import { raiseOperationalEvent } from '../src/events/operational-events.js';
import type { DeliveryActivities } from '../workflows/contracts.js';
import { attemptDelivery, type AttemptDeps } from './attempt.activity.js';
import { releaseDeferred } from './circuit.activity.js';

export interface ActivityDeps extends AttemptDeps {
  client: Client;
  starter: StarterOptions;
}

/** The worker's activities, bound to their dependencies (database, HTTP pool, Temporal client, metrics). */
export function createActivities(deps: ActivityDeps): DeliveryActivities {
  const attemptDeps: AttemptDeps = {
    onCircuitClosed: (subscriptionId) => void releaseDeferred(deps.db, deps.client, subscriptionId),
    ...deps,
  };
  return {
    attemptDelivery: (input) => attemptDelivery(attemptDeps, input),
    raiseEvents: async (requests) => {
      for (const r of requests) await raiseOperationalEvent(deps, r.tenantId, r.type, r.data, r.key);
    },
  };
}
