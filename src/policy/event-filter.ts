/**
 * Subscription filters on event data, compiled once per subscription so that matching an event costs one lookup
 * per distinct filter path and one set lookup per condition: linear in the event and the filters, never their
 * product. (The first matcher serialised the value at the path once per option per subscription.)
 *
 * Today a condition is equality with a scalar, or any of an array of scalars. The API also names operators
 * (`{ "amount": { "$gt": 100 } }`); each would be one more kind of `Condition.test`, compiled here.
 */

export type Filter = Record<string, unknown>;

/** What a filter may hold; the subscription schema answers 422 beyond. */
export const FILTER_LIMITS = {
  conditions: 20,
  valuesPerCondition: 100,
  /** Scalar values over all conditions. */
  values: 1000,
  pathLength: 200,
  stringLength: 1000,
  /** The filter as JSON text. */
  bytes: 16 * 1024,
} as const;

interface Condition {
  path: string;
  test: (actual: unknown) => boolean;
}

export interface CompiledFilter {
  readonly conditions: readonly Condition[];
}

const MATCH_ALL: CompiledFilter = { conditions: [] };

/**
 * Equal by JSON value: JSON has one number type, so a Set (SameValueZero: 1 and 1.0 and -0 and 0 alike) keys
 * scalars by value and type ("1" is not 1). Data values that are objects or arrays never equal a scalar.
 */
function anyOf(expected: readonly unknown[]): Condition['test'] {
  const values = new Set(expected);
  return (actual) => actual !== undefined && values.has(actual);
}

export function compileFilter(filter: Filter | null | undefined): CompiledFilter {
  if (!filter) return MATCH_ALL;
  const conditions = Object.keys(filter).map((path) => {
    const expected = filter[path];
    return { path, test: anyOf(Array.isArray(expected) ? expected : [expected]) };
  });
  return { conditions };
}

const compiled = new WeakMap<Filter, CompiledFilter>();

/** Compiles a subscription's filter the first time it is matched; the same row serves every event of a batch. */
export function compiledFilterOf(filter: Filter | null | undefined): CompiledFilter {
  if (!filter) return MATCH_ALL;
  let c = compiled.get(filter);
  if (!c) compiled.set(filter, (c = compileFilter(filter)));
  return c;
}

/**
 * One event's data, read at dotted paths: each path is resolved once per event, however many subscriptions
 * ask. Only own fields count (`constructor` is not a field of `{}`; an own `__proto__` key is), and a path
 * does not step into arrays.
 */
export class EventFields {
  private readonly seen = new Map<string, unknown>();

  constructor(private readonly data: unknown) {}

  at(path: string): unknown {
    if (this.seen.has(path)) return this.seen.get(path);
    let current: unknown = this.data;
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key)) {
        current = undefined;
        break;
      }
      current = (current as Record<string, unknown>)[key];
    }
    this.seen.set(path, current);
    return current;
  }
}

/** Every condition must hold. */
export function filterMatches(filter: CompiledFilter, fields: EventFields): boolean {
  return filter.conditions.every((c) => c.test(fields.at(c.path)));
}
