import { compileLinear } from './linear-regex.js';
import { TYPE_KEY, type FieldReader, type Filter } from './event-filter.js';

/**
 * What a filter's work on one event costs, in units. A `$regex` costs its RE2 program's size per character of the
 * string it reads (RE2 is linear in the input, but when its DFA gives up it steps every instruction of the program
 * per character: `a[ab]{195}[0-9]`, 199 instructions, over a 256 KiB string is ~52 M units, 0.3 to 0.5 s). Any other
 * condition costs one, plus the characters it may compare or hash (`===` stops at the shorter string, a filter
 * string is at most 1,000 characters, and V8 hashes at most 16,383 characters of a string for `$in`).
 * A pattern on one path is tested once per event (see EventFields), so it is counted once.
 */
export const FILTER_BUDGET = {
  /** Most units one subscription's filter may cost on one event: ~0.35 s of RE2 at its measured worst. */
  perFilter: 2 ** 26,
  /** Most units all of a tenant's filters may cost together on one event. */
  perTenant: 2 ** 28,
  /** Events whose filters cost at most this are judged in the event loop (~10 ms at worst); above, on a worker. */
  inline: 2 ** 21,
} as const;

/** Longest event type (its `$type` conditions read it). */
const TYPE_LENGTH = 100;
/** What a comparison or a hash may read of one string (see above). */
const COMPARED = 16_384;

export interface FilterCondition {
  /** A dotted path, or `$type`. */
  key: string;
  op: string;
  operand: unknown;
}

/** Every condition of a (valid) filter, as event-filter.ts compiles them. */
export function* conditionsOf(filter: Filter | null | undefined): Generator<FilterCondition> {
  if (!filter) return;
  for (const [key, spec] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') for (const f of spec as Filter[]) yield* conditionsOf(f);
    else if (key === '$not') yield* conditionsOf(spec as Filter);
    else yield* conditionOps(key, spec);
  }
}

function* conditionOps(key: string, spec: unknown): Generator<FilterCondition> {
  if (Array.isArray(spec)) return yield { key, op: '$in', operand: spec };
  if (spec === null || typeof spec !== 'object') return yield { key, op: '$eq', operand: spec };
  for (const [op, operand] of Object.entries(spec as Record<string, unknown>)) {
    if (op === '$not') yield* conditionOps(key, operand);
    else yield { key, op, operand };
  }
}

const programSize = (pattern: string) => compileLinear(pattern).programSize();

/**
 * The most a filter can cost on any event of `payloadBytes`: a string read by a path takes its characters from the
 * payload, and two paths that both read strings read different parts of it, so the patterns of the costliest path
 * may meet the whole payload (and no more). Throws what compileLinear throws for a bad pattern.
 */
export function worstCaseCost(filter: Filter | null | undefined, payloadBytes: number): number {
  const patterns = new Map<string, Set<string>>();
  let others = 0;
  for (const { key, op, operand } of conditionsOf(filter)) {
    if (op !== '$regex') others += 1 + COMPARED;
    else patterns.set(key, (patterns.get(key) ?? new Set()).add(operand as string));
  }
  let costliestPath = 0;
  let type = 0;
  for (const [key, set] of patterns) {
    const weight = [...set].reduce((sum, p) => sum + programSize(p), 0);
    if (key === TYPE_KEY) type = weight * TYPE_LENGTH;
    else costliestPath = Math.max(costliestPath, weight);
  }
  return others + type + costliestPath * payloadBytes;
}

/**
 * What a filter costs on this event, counted before anything is tested (lengths are known): `tested` holds the
 * (path, pattern) pairs already paid for by other filters of the same event.
 */
export function eventCost(filter: Filter | null | undefined, fields: FieldReader, type: string | undefined, tested: Set<string>): number {
  let cost = 0;
  for (const { key, op, operand } of conditionsOf(filter)) {
    const value = key === TYPE_KEY ? type : fields.at(key);
    const length = typeof value === 'string' ? value.length : 0;
    if (op !== '$regex') {
      cost += 1 + Math.min(length, COMPARED);
      continue;
    }
    const pair = `${key}\u0000${operand as string}`;
    if (tested.has(pair)) continue;
    tested.add(pair);
    cost += 1 + (length && programSize(operand as string) * length);
  }
  return cost;
}
