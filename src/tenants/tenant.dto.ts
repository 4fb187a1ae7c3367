import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';

export const createTenantSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, `.`, `_` and `-`'),
});

export const tenantCreatedResponse = z.object({ id: z.string(), name: z.string(), apiKey: z.string() });
export const apiKeyCreatedResponse = z.object({ id: z.string(), apiKey: z.string(), createdAt: isoDate });
export const apiKeyPage = pageOf(z.object({ id: z.string(), createdAt: isoDate, revokedAt: isoDate.nullable() }));
