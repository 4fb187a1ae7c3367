import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

const schemaOf = (schema: ZodType, io: 'input' | 'output') => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return json as never;
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant',
  401: 'Missing, unknown or revoked API key',
  403: 'The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant',
  404: 'No such resource for this tenant, or Hookrelay-Tenant names no tenant',
  409: 'Conflicts with the current state',
  413: 'Body or event payload over the limit',
  422: 'Invalid fields, each named in `errors`',
  429: "Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After)",
};

/** Every 429 says how long to wait. */
const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
} as const;

/** The RFC 9457 problem answers a route can give, documented with their schema. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        ...(status === 429 ? { headers: RETRY_AFTER } : {}),
        content: { 'application/problem+json': { schema: schemaOf(problem, 'output') } },
      }),
    ),
  );

/** Every /v1 route may answer these. */
export const ApiCommonProblems = () => ApiProblems(400, 401, 404, 409, 413, 422, 429);

/** Documents a JSON answer by its zod schema. */
export const ZodResponse = (status: number, schema: ZodType, description = '') =>
  ApiResponse({ status, description, content: { 'application/json': { schema: schemaOf(schema, 'output') } } });

export const isoDate = z.string().describe('ISO 8601 UTC');
export const pageOf = <T extends ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
