import { unauthorized } from '../common/errors.js';
import type { NewEvent } from '../database/delivery-store/index.js';
import type { Routing } from './tenant-routing.js';

/** Tries of an ingest write whose routing moved meanwhile before the last, unchecked one. */
const STALE_TRIES = 5;

/** The steps of one ingest's write, each given by the caller; writeRouted decides when each is run again. */
export interface RoutedWriteSteps {
  /** The tenant's routing (cached in this process); `forgetRouting` makes the next read a fresh one. */
  routing(): Promise<Routing>;
  forgetRouting(): void;
  /** Throws (a 4xx) when the events do not fit the routing's catalog. */
  validate(routing: Routing): void;
  /** Charges the ingest quota: run once, after the request is known valid, before anything is written. */
  charge(): Promise<void>;
  /** The events to write, matched against this routing. */
  build(routing: Routing): Promise<NewEvent[]>;
  /** The guarded write; `routingVersion` null: not checked. */
  write(events: NewEvent[], routingVersion: string | null): Promise<{ inserted: Set<string>; refused: 'revoked' | 'stale' | null }>;
}

/**
 * Writes an ingest's events against the tenant's routing, as fresh as it needs to be: a type created a moment
 * ago by another process may not have reached this one's memory yet (validated again once on a fresh read);
 * the write checks the routing version and is matched again when the routing moved; past a few moves in a row
 * (constant churn), the last try matches a fresh read without the version check. A revoked key writes nothing.
 */
export async function writeRouted(steps: RoutedWriteSteps): Promise<{ events: NewEvent[]; inserted: Set<string> }> {
  let charged = false;
  for (let tries = 1; ; tries++) {
    const routing = await steps.routing();
    try {
      steps.validate(routing);
    } catch (err) {
      if (tries > 1) throw err;
      steps.forgetRouting();
      continue;
    }
    // Once, whatever the tries.
    if (!charged) await steps.charge();
    charged = true;
    const events = await steps.build(routing);
    const written = await steps.write(events, tries < STALE_TRIES ? routing.version : null);
    if (written.refused === 'revoked') throw unauthorized('The API key is not valid (unknown or revoked).');
    if (written.refused === 'stale') {
      steps.forgetRouting();
      continue;
    }
    return { events, inserted: written.inserted };
  }
}
