import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { FieldError } from '../common/errors.js';
import { schemaLimitProblems } from './schema-limits.js';
import { linearRegExp } from '../policy/linear-regex.js';
import { addLinearUniqueItems } from './unique-items.js';
import { FairValidatorCache } from '../policy/validator-cache.js';

const addFormats = formatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Compiled validators kept for ingest (a tenant's type holds at most one): at most this many per tenant, so a
 * tenant with more types recompiles its own (each compile is bounded by schema-limits.ts) and no one else's...
 */
export const VALIDATORS_PER_TENANT = 100;
/** ...and at most this many in all (each holds an Ajv instance of its own). */
export const VALIDATORS_KEPT = 500;

const options = {
  allErrors: true,
  strict: false,
  code: { regExp: linearRegExp },
  // A `$ref` is called, never copied in place: inlining lets a small schema that refers to one big definition
  // many times compile into code many times its size.
  inlineRefs: false,
} as const;

/** Checks schemas against the 2020-12 meta-schema only; no user schema is ever added to it. */
const metaChecker = addFormats(new Ajv2020(options));

/**
 * Compiles a schema on an Ajv instance of its own, so its `$id`s are seen by no other schema (of this tenant or
 * another) and a `$ref` reaches only the schema itself and the standard meta-schemas. The instance goes with the
 * validator: dropping the validator frees both.
 */
function compileIsolated(schema: Record<string, unknown>): ValidateFunction {
  if (!metaChecker.validateSchema(schema)) throw new Error(metaChecker.errorsText(metaChecker.errors, { dataVar: 'schema' }));
  return addLinearUniqueItems(addFormats(new Ajv2020({ ...options, validateSchema: false }))).compile(schema);
}

/** A schema's validator, or every reason it cannot be used (limits, patterns, validity). */
function compileChecked(schema: Record<string, unknown>): { validate: ValidateFunction } | { problems: FieldError[] } {
  const problems = schemaLimitProblems(schema);
  if (problems.length) return { problems };
  try {
    return { validate: compileIsolated(schema) };
  } catch (err) {
    return { problems: [{ field: 'schema', message: `not a valid JSON Schema: ${(err as Error).message}` }] };
  }
}

/** Every reason a user-given JSON Schema cannot be used, or none. */
export function schemaProblems(schema: Record<string, unknown>): FieldError[] {
  const compiled = compileChecked(schema);
  return 'problems' in compiled ? compiled.problems : [];
}

type Check = (data: unknown) => FieldError[];

/** Between the tenant and the type in a validator's key (no type name or tenant id holds it). */
const KEY_SEPARATOR = '\u0000';

const validators = new FairValidatorCache<Check>(VALIDATORS_PER_TENANT, VALIDATORS_KEPT, (key) => key.split(KEY_SEPARATOR, 1)[0]);

/**
 * The check for one schema. A schema stored before today's limits that no longer passes them (a lookahead, too
 * big) refuses its events with a 422 naming `type`, so the tenant knows to PATCH it; never a 500.
 */
function buildCheck(schema: Record<string, unknown>): Check {
  const compiled = compileChecked(schema);
  if ('problems' in compiled) {
    const message = `its schema can no longer be used, update the event type: ${compiled.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`;
    return () => [{ field: 'type', message }];
  }
  const { validate } = compiled;
  return (data) =>
    validate(data)
      ? []
      : (validate.errors ?? []).map((e) => ({
          field: ['data', ...e.instancePath.split('/').filter(Boolean)].join('.'),
          message: e.message ?? 'is invalid',
        }));
}

/**
 * Checks an event's data against its type's schema. `key` names the tenant's type and `version` the schema's
 * content (a hash), so a PATCHed schema takes effect at once and replaces the old validator.
 */
export function payloadErrors(key: string, version: string, schema: Record<string, unknown>, data: unknown): FieldError[] {
  return validators.get(key, version, () => buildCheck(schema))(data);
}

/** Forgets a type's validator when its schema changes or it is archived. */
export function forgetValidator(key: string): void {
  validators.drop(key);
}

export const validatorKey = (tenantId: string, typeName: string) => `${tenantId}${KEY_SEPARATOR}${typeName}`;
