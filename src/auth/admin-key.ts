import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether `token` is ADMIN_API_KEY (never, when none is configured); compared in constant time. */
export const isAdminKey = (adminApiKey: string | undefined, token: string): boolean =>
  Boolean(adminApiKey && token && timingSafeEqual(digest(token), digest(adminApiKey)));

/** How ADMIN_API_KEY is named where a key id would be (audit lines, rate limits, TenantContext.operator). */
export const ADMIN_KEY_ID = 'admin';
