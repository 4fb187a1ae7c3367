import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FailedAuthGate } from '../auth/failed-auth-gate.js';
import type { Scope } from '../auth/scopes.js';
import type { TenantContext } from '../auth/tenant-context.js';
import { unauthorized } from '../common/errors.js';
import { PortalTokens } from './portal-token.js';

/** A portal session may read, and unless read-only manage; never ingest, never keys (no `admin`). */
export const portalScopes = (readOnly: boolean): readonly Scope[] => (readOnly ? ['read'] : ['read', 'manage']);

type KeyTenant = Omit<TenantContext, 'scopes' | 'portalSessionId'>;

/**
 * Turns a portal token into the tenant context it acts with. The token is stateless, but each request also reads
 * (one primary-key lookup, not cached: portal traffic is people paging, and revocation must be immediate on every
 * process) that the API key that made it is still live and its tenant still exists: revoking that key ends its links.
 */
@Injectable()
export class PortalSessionAuth {
  constructor(
    @Inject(PortalTokens) private readonly tokens: PortalTokens,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FailedAuthGate) private readonly gate: FailedAuthGate,
  ) {}

  async authenticate(token: string, address: string): Promise<TenantContext> {
    const verified = this.tokens.verify(token);
    if (!verified.ok && verified.reason === 'invalid') {
      // A bad signature is a guess: limited like a wrong API key. An expired one is not, and costs no lookup.
      this.gate.check(address);
      throw this.gate.failed(address, 'unknown', 'The portal link is not valid.');
    }
    if (!verified.ok) throw unauthorized('The portal link has expired; ask for a new one.');
    const { claims } = verified;
    const tenant = await this.keyTenant(claims.kid, claims.tid);
    if (!tenant) throw unauthorized('The portal link is no longer valid: the API key that made it was revoked, or its tenant is gone.');
    return { ...tenant, scopes: portalScopes(claims.ro), portalSessionId: claims.sid };
  }

  private async keyTenant(keyId: string, tenantId: string): Promise<KeyTenant | null> {
    const [row]: KeyTenant[] = await this.db.query(
      `SELECT t.id, t.name, k.id AS "keyId",
              json_build_object('perSecond', t.events_per_second, 'burst', t.events_burst) AS "ingestQuota"
         FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.id = $1 AND t.id = $2 AND k.revoked_at IS NULL`,
      [keyId, tenantId],
    );
    return row ?? null;
  }
}
