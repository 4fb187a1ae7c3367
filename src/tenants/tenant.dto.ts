import { z } from 'zod';
import { isoDate } from '../common/openapi.js';
import { MAX_EVENTS_BURST, MAX_EVENTS_PER_SECOND } from '../config.js';
import { MIN_DEFAULT_BURST } from '../policy/ingest-quota-arithmetic.js';

export const createTenantSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, `.`, `_` and `-`'),
  externalId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, 'letters, digits, `.`, `_`, `:`, `@` and `-`, starting with a letter or digit')
    // A `ten_` value in Hookrelay-Tenant is always a tenant id: an externalId spelled so could never be used.
    .refine((v) => !v.startsWith('ten_'), 'may not start with `ten_` (that prefix names tenant ids)')
    .optional()
    .describe("Your own id for this tenant (unique); accepted in the Hookrelay-Tenant header like the tenant's `ten_` id"),
});

const externalId = z.string().nullable().describe('Your own id for this tenant, if set at creation');
export const tenantCreatedResponse = z.object({ id: z.string(), name: z.string(), externalId, apiKey: z.string() });

/** The tenant's own ingest quota; `null` in a PATCH returns it to the service's default (TENANT_EVENTS_PER_SECOND). */
const ingestQuotaSchema = z
  .strictObject({
    perSecond: z.number().int().min(0).max(MAX_EVENTS_PER_SECOND).describe('Events per second this tenant may ingest; 0: unlimited'),
    burst: z
      .number()
      .int()
      .min(1)
      .max(MAX_EVENTS_BURST)
      .nullable()
      .optional()
      .describe(`Events at once when the tenant has been quiet; default twice perSecond, at least ${MIN_DEFAULT_BURST}`),
  })
  .refine((q) => !(q.perSecond === 0 && q.burst != null), {
    path: ['burst'],
    message: 'must be absent when perSecond is 0 (unlimited)',
  });

export const updateTenantSchema = z.strictObject({
  ingestQuota: ingestQuotaSchema.nullable().optional(),
});
export type UpdateTenantInput = z.output<typeof updateTenantSchema>;

export const tenantResponse = z.object({
  id: z.string(),
  name: z.string(),
  externalId,
  createdAt: isoDate,
  ingestQuota: z
    .object({ perSecond: z.number().int(), burst: z.number().int().nullable() })
    .nullable()
    .describe("The tenant's own quota as set; null: the service default. `burst` null: derived from perSecond"),
  effectiveIngestQuota: z
    .object({ perSecond: z.number().int(), burst: z.number().int(), source: z.enum(['tenant', 'default']) })
    .describe('What ingestion enforces now (perSecond 0: unlimited); over it, POST /v1/events answers 429 with Retry-After'),
});
