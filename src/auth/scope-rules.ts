import { missingScope } from '../common/errors.js';
import type { Scope } from '../policy/scopes.js';

/** The scopes a tenant key may carry (`operator` keys are made only with ADMIN_API_KEY, at /v1/operator-keys). */
export const TENANT_SCOPES = ['ingest', 'read', 'subscriptions', 'manage', 'admin'] as const;
export type TenantScope = (typeof TENANT_SCOPES)[number];

/**
 * What each scope includes besides itself: `manage` is everything but keys, `admin` is keys too. `subscriptions`
 * includes nothing: a writable portal link is `read` + `subscriptions`, and so never ingests.
 */
const INCLUDES: Record<Scope, readonly Scope[]> = {
  ingest: [],
  read: [],
  subscriptions: [],
  manage: ['ingest', 'read', 'subscriptions'],
  admin: ['ingest', 'read', 'subscriptions', 'manage'],
  operator: [],
};

export const grants = (held: readonly Scope[], needed: Scope): boolean =>
  held.some((scope) => scope === needed || INCLUDES[scope].includes(needed));

/** Throws the 403 that names `needed` unless `held` grants it. */
export function requireScope(held: readonly Scope[], needed: Scope, what = 'this route'): void {
  if (!grants(held, needed)) throw missingScope(needed, `This credential lacks the scope \`${needed}\` that ${what} needs.`);
}
