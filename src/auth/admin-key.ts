import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether `token` is ADMIN_API_KEY or, while a rotation overlaps, ADMIN_API_KEY_PREVIOUS (never, when none is
 * configured); compared in constant time, every key compared whatever the first gave.
 */
export const isAdminKey = (adminApiKeys: readonly (string | undefined)[], token: string): boolean =>
  adminApiKeys
    .map((key) => Boolean(key && token && timingSafeEqual(digest(token), digest(key))))
    .reduce((any, match) => any || match, false);

/** How ADMIN_API_KEY is named where a key id would be (audit lines, rate limits, TenantContext.operator). */
export const ADMIN_KEY_ID = 'admin';
