/**
 * What a credential may do. `ingest`: post events only; `read`: every GET; `subscriptions`: what an end customer
 * manages (the tenant's subscriptions, redeliver and recover; what a writable portal link has); `manage`:
 * everything but keys; `admin`: keys too; `operator`: act for any tenant (`Hookrelay-Tenant`). Keys made before
 * scopes have all but `operator`.
 */
export const SCOPES = ['ingest', 'read', 'subscriptions', 'manage', 'admin', 'operator'] as const;
export type Scope = (typeof SCOPES)[number];

/** The rights of a key created without scopes (and of every key made before they existed). */
export const FULL_TENANT_SCOPES: readonly Scope[] = ['ingest', 'read', 'manage', 'admin'];
