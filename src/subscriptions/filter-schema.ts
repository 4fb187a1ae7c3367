import { z } from 'zod';
import { isJsonObject } from '../common/validation.js';
import { FILTER_LIMITS, type Filter } from '../policy/event-filter.js';

interface FilterProblem {
  /** Below `filter`; empty for the filter as a whole. */
  path: (string | number)[];
  message: string;
}

/** More problems than this are not listed: a 2,000-value filter need not answer 2,000 errors. */
const MAX_PROBLEMS = 20;

const SCALAR = 'must be a string, number, boolean or null';
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function scalarProblem(value: unknown, path: (string | number)[]): FilterProblem | null {
  if (!isScalar(value)) return { path, message: SCALAR };
  if (typeof value === 'string' && value.length > FILTER_LIMITS.stringLength)
    return { path, message: `must be at most ${FILTER_LIMITS.stringLength} characters` };
  return null;
}

function conditionProblems(path: string, expected: unknown): FilterProblem[] {
  if (path.length === 0) return [{ path: [path], message: 'a condition needs a dotted path, e.g. `job.zone`' }];
  if (path.length > FILTER_LIMITS.pathLength)
    return [{ path: [path], message: `paths must be at most ${FILTER_LIMITS.pathLength} characters` }];
  if (Array.isArray(expected)) {
    if (expected.length === 0) return [{ path: [path], message: 'must hold at least one value' }];
    if (expected.length > FILTER_LIMITS.valuesPerCondition)
      return [{ path: [path], message: `at most ${FILTER_LIMITS.valuesPerCondition} values` }];
    return expected.flatMap((v, i) => scalarProblem(v, [path, i]) ?? []);
  }
  if (isJsonObject(expected)) {
    // The shape operators will take (`{ "$gt": 100 }`); none is implemented yet, so each is named.
    const operators = Object.keys(expected).filter((k) => k.startsWith('$'));
    if (operators.length === 0) return [{ path: [path], message: `${SCALAR}, or an array of them` }];
    return operators.map((op) => ({
      path: [path, op],
      message: `operator ${op} is not supported; use a value (equality) or an array (any of)`,
    }));
  }
  return [scalarProblem(expected, [path])].filter((p) => p !== null);
}

/** Every problem of a filter, the size caps first. Reads own keys only, so a `__proto__` condition is judged too. */
export function filterProblems(filter: unknown): FilterProblem[] {
  if (!isJsonObject(filter)) return [{ path: [], message: 'must be an object of conditions, or null' }];
  const problems: FilterProblem[] = [];
  const paths = Object.keys(filter);
  if (paths.length > FILTER_LIMITS.conditions) problems.push({ path: [], message: `at most ${FILTER_LIMITS.conditions} conditions` });
  const bytes = Buffer.byteLength(JSON.stringify(filter));
  if (bytes > FILTER_LIMITS.bytes) problems.push({ path: [], message: `is ${bytes} bytes as JSON; at most ${FILTER_LIMITS.bytes}` });
  const values = paths.reduce((n, p) => n + (Array.isArray(filter[p]) ? (filter[p] as unknown[]).length : 1), 0);
  if (values > FILTER_LIMITS.values) problems.push({ path: [], message: `holds ${values} values; at most ${FILTER_LIMITS.values} in all` });
  for (const path of paths) {
    if (problems.length >= MAX_PROBLEMS) break;
    problems.push(...conditionProblems(path, filter[path]));
  }
  return problems.slice(0, MAX_PROBLEMS);
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
    description: 'Conditions on the event data by dotted path: a value means equality, an array any of them',
    additionalProperties: {},
  });
