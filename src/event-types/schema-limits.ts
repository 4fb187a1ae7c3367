import type { FieldError } from '../common/errors.js';
import { checkPattern, MAX_SCHEMA_PROGRAM } from '../policy/linear-regex.js';

/** Largest schema, as JSON bytes: compiling is work in the event loop, roughly in proportion to size. */
export const MAX_SCHEMA_BYTES = 64 * 1024;
/** Deepest nesting of subschemas. */
export const MAX_SCHEMA_DEPTH = 32;
/** Most subschemas: Ajv compiles 3,000 to 5,000 a second, all of it in the event loop. */
export const MAX_SUBSCHEMAS = 500;

type Json = Record<string, unknown>;

/** Keywords whose value is one subschema, a map of them, or a list of them (2020-12 and draft-07 spellings). */
const ONE = [
  'additionalProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
  'contentSchema',
  'items',
];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every subschema with its path (`schema.properties.a`), depth first; stops early at the limits. */
function* subschemas(schema: unknown, path: string[] = ['schema'], depth = 0): Generator<{ node: unknown; path: string[]; depth: number }> {
  yield { node: schema, path, depth };
  if (!isObject(schema) || depth > MAX_SCHEMA_DEPTH) return;
  for (const key of ONE) {
    if (key in schema && (isObject(schema[key]) || typeof schema[key] === 'boolean'))
      yield* subschemas(schema[key], [...path, key], depth + 1);
  }
  for (const key of MAP) {
    const map = schema[key];
    if (!isObject(map)) continue;
    for (const [name, sub] of Object.entries(map)) {
      if (isObject(sub) || typeof sub === 'boolean') yield* subschemas(sub, [...path, key, name], depth + 1);
    }
  }
  for (const key of LIST) {
    const list = schema[key];
    if (Array.isArray(list)) for (const [i, sub] of list.entries()) yield* subschemas(sub, [...path, key, String(i)], depth + 1);
  }
}

/**
 * Why a schema is too big, too deep or too complex, or holds a pattern the linear regex engine refuses; one error
 * per bad pattern, named by its path. Checked before Ajv compiles anything.
 */
export function schemaLimitProblems(schema: Json): FieldError[] {
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > MAX_SCHEMA_BYTES) return [{ field: 'schema', message: `is ${bytes} bytes of JSON; the limit is ${MAX_SCHEMA_BYTES}` }];
  const errors: FieldError[] = [];
  let count = 0;
  let program = 0;
  const seen = new Set<string>();
  const check = (pattern: string, field: string[]) => {
    const checked = checkPattern(pattern);
    if ('problem' in checked) errors.push({ field: field.join('.'), message: checked.problem });
    // A pattern used again is compiled once: the budget counts distinct patterns.
    else if (!seen.has(pattern)) program += checked.size;
    seen.add(pattern);
  };
  for (const { node, path, depth } of subschemas(schema)) {
    if (depth > MAX_SCHEMA_DEPTH)
      return [{ field: 'schema', message: `nests subschemas more than ${MAX_SCHEMA_DEPTH} deep (at ${path.join('.')})` }];
    if (++count > MAX_SUBSCHEMAS) return [{ field: 'schema', message: `has more than ${MAX_SUBSCHEMAS} subschemas` }];
    if (!isObject(node)) continue;
    if (typeof node['pattern'] === 'string') check(node['pattern'], [...path, 'pattern']);
    if (isObject(node['patternProperties'])) {
      for (const key of Object.keys(node['patternProperties'])) check(key, [...path, 'patternProperties', key]);
    }
    // Checked as it goes, so a schema of a thousand costly patterns stops at the budget, not after compiling them all.
    if (program > MAX_SCHEMA_PROGRAM) {
      return [{ field: 'schema', message: `its distinct patterns together exceed ${MAX_SCHEMA_PROGRAM} RE2 instructions` }];
    }
  }
  return errors;
}
