import { z } from 'zod';
import { TENANT_SCOPES } from '../auth/scope-rules.js';
import { SCOPES } from '../policy/scopes.js';
import { isoDate, pageOf } from '../common/openapi.js';
import { isoDateTime } from '../common/validation.js';

const expiresAt = isoDateTime()
  .refine((v) => new Date(v).getTime() > Date.now(), 'must be in the future')
  .optional()
  .describe(
    "From this instant the key is refused (401) like an unknown one. Never later than the making key's own expiry (422); default: that expiry, or never",
  );

const tenantScopes = z
  .array(z.enum(TENANT_SCOPES))
  .min(1)
  .max(TENANT_SCOPES.length)
  .optional()
  .describe('`ingest`: post events; `read`: every GET; `manage`: everything but keys; `admin`: keys too. Default: all');

/** `operator` is named here only to answer it with where operator keys are made. */
export const createApiKeySchema = z.strictObject({
  scopes: z
    .array(z.enum(SCOPES))
    .min(1)
    .max(SCOPES.length)
    .superRefine((scopes, ctx) => {
      const at = scopes.indexOf('operator');
      if (at >= 0)
        ctx.addIssue({ code: 'custom', path: [at], message: 'operator keys are made with ADMIN_API_KEY at POST /v1/operator-keys' });
    })
    .optional()
    .describe(tenantScopes.description!),
  expiresAt,
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const createOperatorKeySchema = z.strictObject({
  scopes: tenantScopes.describe('What the key may do for the tenant it acts for (besides `operator`, which it always has). Default: all'),
  expiresAt,
});

const keyFields = {
  id: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  expiresAt: isoDate.nullable(),
  createdBy: z
    .string()
    .nullable()
    .describe('The key that made it (`key_...`, an operator key, or `admin` for ADMIN_API_KEY); null: made with the tenant by the service'),
  createdAt: isoDate,
};
export const apiKeyCreatedResponse = z.object({ ...keyFields, apiKey: z.string() });
export const apiKeyPage = pageOf(z.object({ ...keyFields, revokedAt: isoDate.nullable() }));
