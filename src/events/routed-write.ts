import { unauthorized } from '../common/errors.js';
import type { NewEvent, QuotaTake, WriteRefusal } from '../database/delivery-store/index.js';
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
  /**
   * What the events take from the ingest quota (null: unlimited), asked once the request is known valid; throws
   * when they can never fit or are known not to fit yet. The write takes it, in the same statement.
   */
  quota(): QuotaTake | null;
  /** The error a write refused by the quota answers with. */
  overQuota(waitSeconds: number): Error;
  /** The events to write, matched against this routing. */
  build(routing: Routing): Promise<NewEvent[]>;
  /** The guarded write; `routingVersion` null: not checked. */
  write(
    events: NewEvent[],
    routingVersion: string | null,
    quota: QuotaTake | null,
  ): Promise<{ inserted: Set<string>; refusal: WriteRefusal | null }>;
}

/**
 * Writes an ingest's events against the tenant's routing, as fresh as it needs to be: a type created a moment
 * ago by another process may not have reached this one's memory yet (validated again once on a fresh read);
 * the write checks the routing version and is matched again when the routing moved; past a few moves in a row
 * (constant churn), the last try matches a fresh read without the version check. A revoked key writes nothing.
 */
export async function writeRouted(steps: RoutedWriteSteps): Promise<{ events: NewEvent[]; inserted: Set<string> }> {
  let quota: QuotaTake | null | undefined;
  for (let tries = 1; ; tries++) {
    const routing = await steps.routing();
    try {
      steps.validate(routing);
    } catch (err) {
      if (tries > 1) throw err;
      steps.forgetRouting();
      continue;
    }
    // Before matching: a tenant over its quota is refused before it costs any.
    if (quota === undefined) quota = steps.quota();
    const events = await steps.build(routing);
    const written = await steps.write(events, tries < STALE_TRIES ? routing.version : null, quota);
    const refused = written.refusal?.refused;
    if (refused === 'revoked') throw unauthorized('The API key is not valid (unknown or revoked).');
    if (written.refusal?.refused === 'quota') throw steps.overQuota(written.refusal.waitSeconds);
    if (refused === 'stale') {
      steps.forgetRouting();
      continue;
    }
    return { events, inserted: written.inserted };
  }
}
