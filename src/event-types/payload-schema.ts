import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { FieldError } from '../common/errors.js';

const addFormats = formatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction>();

/** Why a user-given JSON Schema cannot be used, or null when it compiles. */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  try {
    ajv.compile(schema);
    return null;
  } catch (err) {
    return `not a valid JSON Schema: ${(err as Error).message}`;
  }
}

/**
 * Checks an event's data against its type's schema. Compiled validators are cached by `version`
 * (tenant, type and its updatedAt), so a PATCHed schema takes effect at once.
 */
export function payloadErrors(version: string, schema: Record<string, unknown>, data: unknown): FieldError[] {
  let validate = compiled.get(version);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(version, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => ({
    field: ['data', ...e.instancePath.split('/').filter(Boolean)].join('.'),
    message: e.message ?? 'is invalid',
  }));
}
