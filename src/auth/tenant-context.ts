import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { IngestQuotaOverride } from '../policy/ingest-quota-arithmetic.js';
import type { Scope } from '../policy/scopes.js';

export interface TenantContext {
  id: string;
  name: string;
  /** The API key this request came with (`admin` for ADMIN_API_KEY). */
  keyId: string;
  /**
   * Set when an operator acts for this tenant (Hookrelay-Tenant, or a portal link an operator made): the operator
   * key's id, or `admin`.
   */
  operator?: string;
  /** When this request's key stops (epoch ms; null: never): no key it makes may outlive it. */
  keyExpiresAt: number | null;
  /** What this request's credential may do (see scopes.ts). */
  scopes: readonly Scope[];
  /** Set when a portal link's token (not an API key) authenticated; `keyId` is then the key that made the link. */
  portalSessionId?: string;
  /** The tenant's own ingest quota, read with the key (see KeyDirectory for when a change applies). */
  ingestQuota: IngestQuotaOverride;
}

export type AuthedRequest = FastifyRequest & { tenant?: TenantContext };

/** The tenant whose API key (or portal token) authenticated this request (set by ApiKeyGuard). */
export const CurrentTenant = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TenantContext => ctx.switchToHttp().getRequest<AuthedRequest>().tenant!,
);
