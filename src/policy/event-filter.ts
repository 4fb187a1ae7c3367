import { compileLinear } from './linear-regex.js';

/**
 * Subscription filters on event data (and on the event's type), compiled once per subscription so that matching an
 * event costs one lookup per distinct filter path and one test per condition: linear in the event and the
 * filters, never their product.
 *
 * A filter is an object of conditions that must all hold. A key is a dotted path into the data, `$type` (the
 * event's type), or a logical operator: `$and` / `$or` (a list of filters), `$not` (a filter). A condition is a
 * value (equality), an array (any of), or an object of operators that must all hold: `$eq $neq $gt $gte $lt $lte
 * $in $nin $exists $regex $not`. The shape was validated before (see subscriptions/filter-schema.ts).
 */

export type Filter = Record<string, unknown>;

/** What a filter may hold; the subscription schema answers 422 beyond. */
export const FILTER_LIMITS = {
  /** Conditions (a path or `$type` with one operator) over the whole filter. */
  conditions: 50,
  /** Filters in one `$and` / `$or`. */
  branches: 20,
  /** `$and` / `$or` / `$not` inside each other. */
  depth: 5,
  valuesPerCondition: 100,
  /** Scalar values over all conditions. */
  values: 1000,
  pathLength: 200,
  stringLength: 1000,
  /** The filter as JSON text. */
  bytes: 16 * 1024,
  /** RE2 instructions of the filter's distinct patterns together: compiling is event-loop work, ~1 to 3 ms per 200. */
  program: 1000,
} as const;

export const TYPE_KEY = '$type';
export const LOGICAL_OPERATORS = ['$and', '$or', '$not'] as const;
export const CONDITION_OPERATORS = ['$eq', '$neq', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$regex', '$not'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** The event's data read at dotted paths (EventFields, or the values read out for a worker thread). */
export interface FieldReader {
  at(path: string): unknown;
}

/** What a filter is matched against. */
export interface FilterSubject {
  fields: FieldReader;
  /** The event's type (absent: `$type` conditions do not hold). */
  type?: string;
  /**
   * Pattern results by path and pattern, shared by every filter judging this event: a pattern is run once per
   * path and event however many conditions or subscriptions ask (filter-cost.ts counts it once).
   */
  patterns?: Map<string, boolean>;
}

/** Whether a filter matched, and a sentence that says why. */
export interface FilterVerdict {
  matches: boolean;
  reason: string;
}

interface Node {
  test(subject: FilterSubject): boolean;
  explain(subject: FilterSubject): FilterVerdict;
}

export interface CompiledFilter {
  readonly root: Node | null;
}

const MATCH_ALL: CompiledFilter = { root: null };

/** Characters of a value quoted in a reason: a reason names the value, it does not copy a 250 KiB string. */
export const QUOTED_CHARACTERS = 100;

/** A value as JSON, cut after QUOTED_CHARACTERS (a long string is cut before it is serialised). */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(typeof value === 'string' && value.length > QUOTED_CHARACTERS ? value.slice(0, QUOTED_CHARACTERS) : value);
  if (typeof value === 'string' && value.length > QUOTED_CHARACTERS) return `${text.slice(0, -1)}..." (${value.length} characters)`;
  if (text.length > QUOTED_CHARACTERS) return `${text.slice(0, QUOTED_CHARACTERS)}... (${text.length} characters of JSON)`;
  return text;
}
const isComparable = (a: unknown, b: unknown) =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

/** One operator's test of the value found (undefined: the path is not in the data), and how it reads. */
interface Test {
  holds: (actual: unknown) => boolean;
  /** A pattern's source: its result is kept per path (see FilterSubject.patterns). */
  pattern?: string;
  /** E.g. `> 100`, `one of ["a","b"]`: written only when asked (matching serialises nothing). */
  says: () => string;
}

/**
 * Equal by JSON value: JSON has one number type, so `===` on scalars (1 and 1.0 and -0 and 0 alike) keys them by
 * value and type ("1" is not 1). Data values that are objects or arrays never equal a scalar.
 */
function operatorTest(op: ConditionOperator, operand: unknown): Test {
  switch (op) {
    case '$eq':
      return { holds: (a) => a !== undefined && a === operand, says: () => `= ${show(operand)}` };
    case '$neq':
      return { holds: (a) => a !== operand, says: () => `!= ${show(operand)}` };
    case '$gt':
      return { holds: (a) => isComparable(a, operand) && (a as number) > (operand as number), says: () => `> ${show(operand)}` };
    case '$gte':
      return { holds: (a) => isComparable(a, operand) && (a as number) >= (operand as number), says: () => `>= ${show(operand)}` };
    case '$lt':
      return { holds: (a) => isComparable(a, operand) && (a as number) < (operand as number), says: () => `< ${show(operand)}` };
    case '$lte':
      return { holds: (a) => isComparable(a, operand) && (a as number) <= (operand as number), says: () => `<= ${show(operand)}` };
    case '$in': {
      const values = new Set(operand as unknown[]);
      return { holds: (a) => a !== undefined && values.has(a), says: () => `one of ${show(operand)}` };
    }
    case '$nin': {
      const values = new Set(operand as unknown[]);
      return { holds: (a) => !values.has(a), says: () => `none of ${show(operand)}` };
    }
    case '$exists':
      return { holds: (a) => (a !== undefined) === operand, says: () => (operand ? 'present' : 'absent') };
    case '$regex': {
      const re = compileLinear(operand as string);
      return {
        holds: (a) => typeof a === 'string' && re.test(a),
        says: () => `matching /${operand as string}/`,
        pattern: operand as string,
      };
    }
    case '$not':
      throw new Error('$not is compiled as a node');
  }
}

/** A condition on one path (or on the type): a value, an array, or an object of operators. */
function compileCondition(key: string, spec: unknown): Node {
  if (Array.isArray(spec)) return leaf(key, operatorTest('$in', spec));
  if (spec === null || typeof spec !== 'object') return leaf(key, operatorTest('$eq', spec));
  const nodes = Object.entries(spec as Record<string, unknown>).map(([op, operand]) =>
    op === '$not' ? not(compileCondition(key, operand)) : leaf(key, operatorTest(op as ConditionOperator, operand)),
  );
  return nodes.length === 1 ? nodes[0] : and(nodes);
}

function leaf(key: string, { holds, says, pattern }: Test): Node {
  const read = key === TYPE_KEY ? (s: FilterSubject) => s.type : (s: FilterSubject) => s.fields.at(key);
  const name = key === TYPE_KEY ? 'the event type' : key;
  const memo = `${key}\u0000${pattern}`;
  const judge =
    pattern === undefined
      ? (s: FilterSubject) => holds(read(s))
      : (s: FilterSubject) => {
          const known = s.patterns?.get(memo);
          if (known !== undefined) return known;
          const result = holds(read(s));
          s.patterns?.set(memo, result);
          return result;
        };
  return {
    test: judge,
    explain: (s) => {
      const actual = read(s);
      const matches = judge(s);
      return { matches, reason: `${name} is ${show(actual)}, ${matches ? '' : 'not '}${says()}` };
    },
  };
}

function and(nodes: Node[]): Node {
  return {
    test: (s) => nodes.every((n) => n.test(s)),
    explain: (s) => {
      const verdicts = nodes.map((n) => n.explain(s));
      const failed = verdicts.find((v) => !v.matches);
      if (failed) return failed;
      return { matches: true, reason: verdicts.map((v) => v.reason).join('; ') };
    },
  };
}

function or(nodes: Node[]): Node {
  return {
    test: (s) => nodes.some((n) => n.test(s)),
    explain: (s) => {
      const verdicts = nodes.map((n) => n.explain(s));
      const held = verdicts.find((v) => v.matches);
      if (held) return held;
      return { matches: false, reason: `no alternative of $or holds (${verdicts.map((v) => v.reason).join(' | ')})` };
    },
  };
}

function not(node: Node): Node {
  return {
    test: (s) => !node.test(s),
    explain: (s) => {
      const inner = node.explain(s);
      return { matches: !inner.matches, reason: `$not (${inner.reason})` };
    },
  };
}

function compileNode(filter: Filter): Node {
  const nodes = Object.entries(filter).map(([key, spec]) => {
    if (key === '$and') return and((spec as Filter[]).map(compileNode));
    if (key === '$or') return or((spec as Filter[]).map(compileNode));
    if (key === '$not') return not(compileNode(spec as Filter));
    return compileCondition(key, spec);
  });
  return nodes.length === 1 ? nodes[0] : and(nodes);
}

export function compileFilter(filter: Filter | null | undefined): CompiledFilter {
  if (!filter || Object.keys(filter).length === 0) return MATCH_ALL;
  return { root: compileNode(filter) };
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
export class EventFields implements FieldReader {
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
export function filterMatches(filter: CompiledFilter, subject: FilterSubject): boolean {
  return filter.root === null || filter.root.test(subject);
}

/** The same judgement as `filterMatches`, with the condition that decided it (for the filter-test routes). */
export function explainFilter(filter: CompiledFilter, subject: FilterSubject): FilterVerdict {
  if (filter.root === null) return { matches: true, reason: 'no filter: every event matches' };
  return filter.root.explain(subject);
}
