import { z } from 'zod';
import { isJsonObject } from '../common/validation.js';
import { compileLinear } from '../policy/linear-regex.js';
import {
  CONDITION_OPERATORS,
  FILTER_LIMITS,
  LOGICAL_OPERATORS,
  TYPE_KEY,
  type ConditionOperator,
  type Filter,
} from '../policy/event-filter.js';

interface FilterProblem {
  /** Below `filter`; empty for the filter as a whole. */
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** More problems than this are not listed: a 2,000-value filter need not answer 2,000 errors. */
const MAX_PROBLEMS = 20;

const SCALAR = 'must be a string, number, boolean or null';
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const KNOWN_CONDITION = `operators are ${CONDITION_OPERATORS.join(' ')}`;
const KNOWN_LOGICAL = `at the level of a filter: ${LOGICAL_OPERATORS.join(' ')}, ${TYPE_KEY} (the event type), or a dotted path`;

/** Walks one filter, counting what the limits count and collecting every problem with its path. */
class FilterCheck {
  readonly problems: FilterProblem[] = [];
  conditions = 0;
  values = 0;
  /** Instructions of the distinct patterns seen so far; past the cap, patterns are no longer compiled. */
  program = 0;
  private readonly patterns = new Set<string>();

  private add(path: Path, message: string): void {
    this.problems.push({ path, message });
  }

  filter(filter: unknown, path: Path, depth: number): void {
    if (!isJsonObject(filter)) return this.add(path, 'must be an object of conditions');
    if (depth > FILTER_LIMITS.depth) return this.add(path, `nests $and / $or / $not ${depth} deep; at most ${FILTER_LIMITS.depth}`);
    for (const key of Object.keys(filter)) {
      const value = filter[key];
      if (key === '$and' || key === '$or') this.branches(value, [...path, key], depth + 1);
      else if (key === '$not') this.filter(value, [...path, key], depth + 1);
      else if (key === TYPE_KEY) this.condition(value, [...path, key], depth);
      else if (key.startsWith('$')) this.add([...path, key], `unknown operator ${key}; ${KNOWN_LOGICAL}`);
      else if (key.length > FILTER_LIMITS.pathLength)
        this.add([...path, key], `paths must be at most ${FILTER_LIMITS.pathLength} characters`);
      else if (key.split('.').some((segment) => segment === ''))
        this.add([...path, key], 'a condition needs a dotted path without empty parts, e.g. `job.zone`');
      else this.condition(value, [...path, key], depth);
    }
  }

  private branches(list: unknown, path: Path, depth: number): void {
    if (!Array.isArray(list) || list.length === 0) return this.add(path, 'must be a non-empty array of filters');
    if (list.length > FILTER_LIMITS.branches) return this.add(path, `at most ${FILTER_LIMITS.branches} filters`);
    list.forEach((f, i) => this.filter(f, [...path, i], depth));
  }

  /** A value (equality), an array (any of), or an object of operators. */
  private condition(spec: unknown, path: Path, depth: number): void {
    if (Array.isArray(spec)) return this.operand('$in', spec, path);
    if (!isJsonObject(spec)) return this.operand('$eq', spec, path);
    const keys = Object.keys(spec);
    if (keys.length === 0) return this.add(path, `needs at least one operator; ${KNOWN_CONDITION}`);
    if (keys.some((k) => !k.startsWith('$')))
      return this.add(path, `${SCALAR}, an array of them, or an object of operators (${KNOWN_CONDITION})`);
    for (const op of keys) {
      if (op === '$not') {
        if (depth + 1 > FILTER_LIMITS.depth) this.add([...path, op], `nests $not ${depth + 1} deep; at most ${FILTER_LIMITS.depth}`);
        else this.condition(spec[op], [...path, op], depth + 1);
      } else if ((CONDITION_OPERATORS as readonly string[]).includes(op)) this.operand(op as ConditionOperator, spec[op], [...path, op]);
      else this.add([...path, op], `unknown operator ${op}; ${KNOWN_CONDITION}`);
    }
  }

  private operand(op: ConditionOperator, value: unknown, path: Path): void {
    this.conditions++;
    switch (op) {
      case '$in':
      case '$nin':
        if (!Array.isArray(value)) return this.add(path, 'must be an array of values');
        if (value.length === 0) return this.add(path, 'must hold at least one value');
        if (value.length > FILTER_LIMITS.valuesPerCondition) return this.add(path, `at most ${FILTER_LIMITS.valuesPerCondition} values`);
        this.values += value.length;
        return value.forEach((v, i) => this.scalar(v, [...path, i]));
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        this.values++;
        if (typeof value !== 'number' && typeof value !== 'string') return this.add(path, 'must be a number or a string');
        return this.scalar(value, path);
      case '$exists':
        if (typeof value !== 'boolean') return this.add(path, 'must be true or false');
        return;
      case '$regex':
        this.values++;
        if (typeof value !== 'string') return this.add(path, 'must be a regular expression as a string');
        if (this.patterns.has(value) || this.program > FILTER_LIMITS.program) return;
        this.patterns.add(value);
        try {
          this.program += compileLinear(value).programSize();
        } catch (err) {
          this.add(path, `the pattern ${(err as Error).message}`);
        }
        return;
      default:
        this.values++;
        return this.scalar(value, path);
    }
  }

  private scalar(value: unknown, path: Path): void {
    if (!isScalar(value)) return this.add(path, SCALAR);
    if (typeof value === 'string' && value.length > FILTER_LIMITS.stringLength)
      this.add(path, `must be at most ${FILTER_LIMITS.stringLength} characters`);
  }
}

/** Every problem of a filter, the size caps first. Reads own keys only, so a `__proto__` condition is judged too. */
export function filterProblems(filter: unknown): FilterProblem[] {
  if (!isJsonObject(filter)) return [{ path: [], message: 'must be an object of conditions, or null' }];
  const check = new FilterCheck();
  check.filter(filter, [], 0);
  const caps: FilterProblem[] = [];
  if (check.conditions > FILTER_LIMITS.conditions)
    caps.push({ path: [], message: `holds ${check.conditions} conditions; at most ${FILTER_LIMITS.conditions}` });
  const bytes = Buffer.byteLength(JSON.stringify(filter));
  if (bytes > FILTER_LIMITS.bytes) caps.push({ path: [], message: `is ${bytes} bytes as JSON; at most ${FILTER_LIMITS.bytes}` });
  if (check.program > FILTER_LIMITS.program)
    caps.push({ path: [], message: `its distinct patterns together exceed ${FILTER_LIMITS.program} RE2 instructions` });
  if (check.values > FILTER_LIMITS.values)
    caps.push({ path: [], message: `holds ${check.values} values; at most ${FILTER_LIMITS.values} in all` });
  return [...caps, ...check.problems].slice(0, MAX_PROBLEMS);
}

/**
 * A subscription's filter, kept as the very object sent (zod's record would drop an own `__proto__` key and
 * so change what the subscription matches).
 */
export const filterSchema = z
  .custom<Filter>()
  .superRefine((value, ctx) => {
    for (const p of filterProblems(value)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  })
  .meta({
    type: 'object',
    description:
      'Conditions on the event, all of which must hold. Keys: a dotted path into the data, `$type` (the event type), ' +
      '`$and` / `$or` (arrays of filters), `$not` (a filter). A condition is a value (equality), an array (any of), ' +
      'or an object of operators: `$eq $neq $gt $gte $lt $lte $in $nin $exists $regex $not`. ' +
      'Example: `{ "amount": { "$gt": 100 }, "$or": [{ "zone": "East" }, { "priority": { "$gte": 2 } }] }`',
    additionalProperties: {},
  });
