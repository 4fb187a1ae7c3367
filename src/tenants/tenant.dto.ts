import { z } from 'zod';

export const createTenantSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, `.`, `_` and `-`'),
});
