import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeCache } from '../database/change-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import type { TenantRecord } from './key-directory.js';

/**
 * The tenant a `Hookrelay-Tenant` header names, by `ten_` id or by externalId (which may not start with `ten_`,
 * so the two never collide), kept while the change feed says nothing about the tenant. Unknown names are not kept.
 */
@Injectable()
export class TenantDirectory {
  private readonly cache: ChangeCache<TenantRecord>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ChangeFeed) feed: ChangeFeed,
  ) {
    this.cache = new ChangeCache(feed, ['tenants']);
  }

  find(idOrExternalId: string): Promise<TenantRecord | null> {
    return this.cache.get(idOrExternalId, async () => {
      const [row]: TenantRecord[] = await this.db.query(
        `SELECT id, name, json_build_object('perSecond', events_per_second, 'burst', events_burst) AS "ingestQuota"
           FROM tenants WHERE ${idOrExternalId.startsWith('ten_') ? 'id' : 'external_id'} = $1`,
        [idOrExternalId],
      );
      return row ? { tenantId: row.id, value: row } : null;
    });
  }
}
