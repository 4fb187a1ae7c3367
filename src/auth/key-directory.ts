import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeCache } from '../database/change-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { MetricsService } from '../health/metrics.service.js';
import { FULL_TENANT_SCOPES } from './scopes.js';
import type { TenantContext } from './tenant-context.js';

/**
 * Which tenant an API key (by hash) acts for, with the tenant's ingest quota, kept in memory while the change feed says nothing about the
 * tenant's keys: a revoked key is refused by every process within milliseconds of the commit, by this one at
 * once, and ingestion checks the key again inside its own write. Unknown keys are never kept (the failed-auth
 * gate limits guessing).
 */
@Injectable()
export class KeyDirectory {
  private readonly cache: ChangeCache<TenantContext>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ChangeFeed) feed: ChangeFeed,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {
    this.cache = new ChangeCache(feed, ['api_keys', 'tenants']);
  }

  find(hash: string): Promise<TenantContext | null> {
    return this.cache.get(hash, async () => {
      this.metrics.authKeyLookups.inc();
      const [row]: TenantContext[] = await this.db.query(
        `SELECT t.id, t.name, k.id AS "keyId",
                json_build_object('perSecond', t.events_per_second, 'burst', t.events_burst) AS "ingestQuota"
           FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
          WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [hash],
      );
      return row ? { tenantId: row.id, value: { ...row, scopes: FULL_TENANT_SCOPES } } : null;
    });
  }

  /** This process changed the tenant's keys: forget them now rather than when the feed says so. */
  forgetTenant(tenantId: string): void {
    this.cache.dropTenant(tenantId);
  }
}
