import { z } from 'zod';
import { isoDate } from '../common/openapi.js';

/** Default and longest life of a link, in seconds (see README, "Portal links"). */
export const DEFAULT_PORTAL_TTL_SECONDS = 3600;
export const MAX_PORTAL_TTL_SECONDS = 86_400;

export const createPortalSessionSchema = z.strictObject({
  ttlSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_PORTAL_TTL_SECONDS)
    .default(DEFAULT_PORTAL_TTL_SECONDS)
    .describe(`How long the link works, in seconds (1..${MAX_PORTAL_TTL_SECONDS}, default ${DEFAULT_PORTAL_TTL_SECONDS})`),
  readOnly: z.boolean().default(false).describe('Only look: no changes through the link'),
});

export const portalSessionCreatedResponse = z.object({
  url: z.string().describe('The web console for this tenant, with the token in the fragment (never sent to a server)'),
  token: z.string().describe('`hrp_...`: a bearer token for this tenant until `expiresAt`'),
  expiresAt: isoDate,
});
