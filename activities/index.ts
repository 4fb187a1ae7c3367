import type { DeliveryActivities } from '../workflows/contracts.js';
import { attemptDelivery, type AttemptDeps } from './attempt.activity.js';

/** The worker's activities, bound to their dependencies (database, HTTP pool, metrics). */
export function createActivities(deps: AttemptDeps): DeliveryActivities {
  return {
    attemptDelivery: (input) => attemptDelivery(deps, input),
  };
}
