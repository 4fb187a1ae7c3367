import { And, LessThan, MoreThanOrEqual, type FindOperator } from 'typeorm';
import { lowestIdAt, type IdPrefix } from './ids.js';

/**
 * How far a row's `created_at` (Postgres's `now()`: the start of the writing transaction) may lie from the time in
 * its id (the app's clock, when the row was built), either way. Ingest builds ids before its statement starts
 * (matching, filters, a pool wait: seconds under load); a replay batch builds them inside a transaction that
 * started earlier; the two clocks may drift apart. Ten minutes is far beyond all of that, and costs a search at
 * most ten minutes of the tenant's rows on each side of its window.
 */
export const ID_CLOCK_SLACK_MS = 10 * 60_000;

/** Id bounds that hold every row created (by `created_at`) in [since, until): `from` <= id < `below`. */
export interface IdWindow {
  from?: string;
  below?: string;
}

/**
 * A `created_at` window turned into id bounds, so that an index on (tenant_id, id) or (subscription_id, id) reads
 * the window only, not everything before or after it. The bounds are wider than the window by the slack; the
 * caller keeps its `created_at` condition, which alone decides which rows are in.
 */
export function idWindow(prefix: IdPrefix, since?: Date, until?: Date): IdWindow {
  return {
    from: since ? lowestIdAt(prefix, since.getTime() - ID_CLOCK_SLACK_MS) : undefined,
    below: until ? lowestIdAt(prefix, until.getTime() + ID_CLOCK_SLACK_MS) : undefined,
  };
}

/** The window's bounds and a page's cursor (ids below it) as one condition on `id`, or undefined for none. */
export function idCondition(window: IdWindow, cursor?: string): FindOperator<string> | undefined {
  const below = cursor && (!window.below || cursor < window.below) ? cursor : window.below;
  if (window.from && below) return And(MoreThanOrEqual(window.from), LessThan(below));
  if (window.from) return MoreThanOrEqual(window.from);
  if (below) return LessThan(below);
  return undefined;
}
