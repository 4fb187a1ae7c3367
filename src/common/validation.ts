import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { validationFailed, type FieldError } from './errors.js';
import { MAX_JSON_DEPTH, withinJsonDepth } from './json-depth.js';

export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
  return error.issues.flatMap((issue) =>
    // Name each unknown field itself rather than the object that holds it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'is not a known field' }))
      : [{ field: at(issue.path), message: issue.message }],
  );
}

/** Parses a request part with its schema; a failure names every bad field (422). */
export function parse<T extends ZodType>(schema: T, value: unknown, prefix?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationFailed(fieldErrors(result.error, prefix));
}

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a route accepts. */
export function jsonSchemaOf(schema: ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return json;
}

/** Documents a zod-validated JSON body in the OpenAPI document. */
export const ZodBody = (schema: ZodType, description?: string) => ApiBody({ schema: jsonSchemaOf(schema) as never, description });

/** A body that may be left out altogether (every field optional): no body is the same as `{}`. */
export const OptionalZodBody = (schema: ZodType) => ApiBody({ schema: jsonSchemaOf(schema) as never, required: false });

/** Documents zod-validated query parameters in the OpenAPI document. */
export function ZodQuery(schema: z.ZodObject) {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, prop]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop as never }),
    ),
  );
}

/** An ISO 8601 date-time that Postgres can store too (years 1 to 9999 after the offset is applied). */
export const isoDateTime = () =>
  z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, 'must be between years 1 and 9999');

export const isJsonObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A JSON object kept as the very object sent, nesting at most MAX_JSON_DEPTH levels. Not `z.record`: that
 * rebuilds the object and silently drops an own `__proto__` key, so what was delivered differed from what was sent.
 */
export const jsonObject = () =>
  z
    .custom<Record<string, unknown>>()
    .superRefine((v, ctx) => {
      if (!isJsonObject(v)) ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      else if (!withinJsonDepth(v)) ctx.addIssue({ code: 'custom', message: `must nest at most ${MAX_JSON_DEPTH} levels` });
    })
    .meta({ type: 'object', additionalProperties: {} });
