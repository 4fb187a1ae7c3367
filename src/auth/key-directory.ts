import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeCache } from '../database/change-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { MetricsService } from '../health/metrics.service.js';
import { FULL_TENANT_SCOPES, type Scope } from '../policy/scopes.js';
import type { TenantContext } from './tenant-context.js';

/** A tenant as a request acts for it: what the key guard and ingestion need. */
export type TenantRecord = Pick<TenantContext, 'id' | 'name' | 'ingestQuota'>;

/** What a valid API key is: its scopes, when it stops, and its tenant (null: an operator key, for any tenant). */
export interface KeyGrant {
  keyId: string;
  scopes: readonly Scope[];
  /** Epoch ms; null: never. Checked at each use, so a cached key stops at the exact time. */
  expiresAt: number | null;
  tenant: TenantRecord | null;
}

interface KeyRow {
  keyId: string;
  scopes: Scope[] | null;
  expiresAt: Date | null;
  tenantId: string | null;
  name: string | null;
  ingestQuota: TenantRecord['ingestQuota'];
}

/**
 * Which tenant an API key (by hash) acts for, with the tenant's ingest quota, kept in memory while the change feed says nothing about the
 * tenant's keys: a revoked key is refused by every process within milliseconds of the commit, by this one at
 * once, and ingestion checks the key again inside its own write. Unknown keys are never kept (the failed-auth
 * gate limits guessing). An operator key is filed under its own id, as the feed names it.
 */
@Injectable()
export class KeyDirectory {
  private readonly cache: ChangeCache<KeyGrant>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ChangeFeed) feed: ChangeFeed,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {
    this.cache = new ChangeCache(feed, ['api_keys', 'tenants']);
  }

  find(hash: string): Promise<KeyGrant | null> {
    return this.cache.get(hash, async () => {
      this.metrics.authKeyLookups.inc();
      const [row]: KeyRow[] = await this.db.query(
        `SELECT k.id AS "keyId", k.scopes, k.expires_at AS "expiresAt", t.id AS "tenantId", t.name,
                json_build_object('perSecond', t.events_per_second, 'burst', t.events_burst) AS "ingestQuota"
           FROM api_keys k LEFT JOIN tenants t ON t.id = k.tenant_id
          WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [hash],
      );
      if (!row) return null;
      const grant: KeyGrant = {
        keyId: row.keyId,
        scopes: row.scopes ?? FULL_TENANT_SCOPES,
        expiresAt: row.expiresAt?.getTime() ?? null,
        tenant: row.tenantId ? { id: row.tenantId, name: row.name!, ingestQuota: row.ingestQuota } : null,
      };
      return { tenantId: row.tenantId ?? row.keyId, value: grant };
    });
  }

  /** This process changed the tenant's keys (or an operator key, by its id): forget them now rather than when the feed says so. */
  forgetTenant(tenantId: string): void {
    this.cache.dropTenant(tenantId);
  }
}
