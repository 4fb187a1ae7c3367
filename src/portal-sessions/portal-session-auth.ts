import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import type { Credential } from '../auth/acting-tenant.js';
import { ADMIN_KEY_ID } from '../auth/admin-key.js';
import { FailedAuthGate } from '../auth/failed-auth-gate.js';
import type { TenantRecord } from '../auth/key-directory.js';
import type { Scope } from '../policy/scopes.js';
import { unauthorized } from '../common/errors.js';
import { PortalTokens } from './portal-token.js';

/** A portal token as a credential: one tenant's, never an operator's, with the session's own id. */
export type PortalCredential = Credential & { tenant: TenantRecord; portalSessionId: string };

/**
 * What an end customer manages, as Svix's app portal allows: read everything of the tenant (the catalog only
 * read), and unless read-only its subscriptions, redeliver and recover (`subscriptions`). Never ingest, event
 * deletion, tenant-wide replays, the catalog's changes or keys, which need `manage` or `admin`.
 */
export const portalScopes = (readOnly: boolean): readonly Scope[] => (readOnly ? ['read'] : ['read', 'subscriptions']);

type TenantRow = TenantRecord & { keyLive: boolean; operatorKey: boolean };

/**
 * Turns a portal token into the credential it acts with. The token is stateless, but each request also reads (one
 * lookup, not cached: portal traffic is people paging, and revocation must be immediate on every process) that the
 * tenant still exists and the key that made the link still works: the tenant's own key or an operator key, live
 * and unexpired, or ADMIN_API_KEY while the same key is configured. Revoking (or changing) that key ends its links.
 * A link an operator made acts on the operator's behalf: its requests leave audit lines and share its rate limit.
 */
@Injectable()
export class PortalSessionAuth {
  constructor(
    @Inject(PortalTokens) private readonly tokens: PortalTokens,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(FailedAuthGate) private readonly gate: FailedAuthGate,
    @Inject(Config) private readonly config: Config,
  ) {}

  async authenticate(token: string, address: string): Promise<PortalCredential> {
    const verified = this.tokens.verify(token);
    if (!verified.ok && verified.reason === 'invalid') {
      // A bad signature is a guess: limited like a wrong API key. An expired one is not, and costs no lookup.
      this.gate.check(address);
      throw this.gate.failed(address, 'unknown', 'The portal link is not valid.');
    }
    if (!verified.ok) throw unauthorized('The portal link has expired; ask for a new one.');
    const { claims } = verified;
    const row = await this.tenantWithKey(claims.tid, claims.kid);
    const byAdmin = claims.kid === ADMIN_KEY_ID;
    const keyLive = byAdmin ? this.adminKeyUnchanged(claims.akf) : row?.keyLive;
    if (!row || !keyLive) {
      throw unauthorized(
        'The portal link is no longer valid: the key that made it was revoked, expired or changed, or its tenant is gone.',
      );
    }
    const { keyLive: _, operatorKey, ...tenant } = row;
    return {
      keyId: claims.kid,
      scopes: portalScopes(claims.ro),
      expiresAt: claims.exp,
      tenant,
      portalSessionId: claims.sid,
      viaOperator: byAdmin || operatorKey ? claims.kid : undefined,
    };
  }

  /**
   * A link made with ADMIN_API_KEY works while the key that made it is configured: as ADMIN_API_KEY, or as
   * ADMIN_API_KEY_PREVIOUS during a rotation's overlap.
   */
  private adminKeyUnchanged(fingerprint: string | undefined): boolean {
    const keys = [this.config.adminApiKey, this.config.adminApiKeyPrevious];
    return fingerprint !== undefined && keys.some((key) => key !== undefined && this.tokens.isAdminFingerprint(fingerprint, key));
  }

  private async tenantWithKey(tenantId: string, keyId: string): Promise<TenantRow | null> {
    // An operator key has no tenant (tenant_id null) and may make links for any tenant.
    const [row]: TenantRow[] = await this.db.query(
      `SELECT t.id, t.name,
              json_build_object('perSecond', t.events_per_second, 'burst', t.events_burst) AS "ingestQuota",
              EXISTS (SELECT 1 FROM api_keys k
                       WHERE k.id = $2 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                         AND (k.tenant_id = t.id OR k.tenant_id IS NULL)) AS "keyLive",
              EXISTS (SELECT 1 FROM api_keys k WHERE k.id = $2 AND k.tenant_id IS NULL) AS "operatorKey"
         FROM tenants t
        WHERE t.id = $1`,
      [tenantId, keyId],
    );
    return row ?? null;
  }
}
