import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChangeCache } from '../database/change-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { validatorKey } from '../event-types/payload-schema.js';
import { MetricsService } from '../health/metrics.service.js';
import type { CandidateSubscription } from './subscription-matcher.js';

export interface CatalogEntry {
  name: string;
  schema: Record<string, unknown> | null;
  archived: boolean;
  /** Names the tenant's type in the validator cache. */
  key: string;
  /** A hash of the schema's content: a new one compiles a new validator in place of the old. */
  version: string;
}

/** What ingestion needs to accept a tenant's events and route them, as of `version` (tenants.routing_version). */
export interface Routing {
  version: string;
  catalog: Map<string, CatalogEntry>;
  /** The tenant's live subscriptions (active or paused), oldest first. */
  subscriptions: CandidateSubscription[];
}

// One round trip: the version first, so that anything read after it is at least as new (the write compares it).
const SQL = `
SELECT t.routing_version::text AS version,
       (SELECT COALESCE(json_agg(json_build_object('name', name, 'schema', schema, 'archived', archived_at IS NOT NULL,
                                                   'version', COALESCE(md5(schema::text), ''))), '[]')
          FROM event_types WHERE tenant_id = t.id) AS catalog,
       (SELECT COALESCE(json_agg(json_build_object('id', id, 'events', events, 'filter', filter, 'status', status, 'url', url,
                                                   'ordering', ordering, 'orderingKey', ordering_key) ORDER BY id), '[]')
          FROM subscriptions WHERE tenant_id = t.id AND deleted_at IS NULL AND status <> 'disabled') AS subscriptions
  FROM tenants t WHERE t.id = $1`;

/**
 * Each tenant's catalog and subscriptions, kept in memory while the change feed reports no change to them, so
 * that accepting an event costs its write alone. The write checks `version` against the tenant's row and writes
 * nothing if it moved (a change this process has not heard of yet): ingestion then reads again. So an event
 * accepted after a subscription was created goes to it, from any process.
 */
@Injectable()
export class TenantRouting {
  private readonly cache: ChangeCache<Routing>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ChangeFeed) feed: ChangeFeed,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {
    this.cache = new ChangeCache(feed, ['event_types', 'subscriptions'], 1_000);
  }

  async get(tenantId: string): Promise<Routing> {
    const routing = await this.cache.get(tenantId, async () => {
      this.metrics.routingLoads.inc();
      const [row]: { version: string; catalog: Omit<CatalogEntry, 'key'>[]; subscriptions: CandidateSubscription[] }[] =
        await this.db.query(SQL, [tenantId]);
      if (!row) return null;
      const catalog = new Map(row.catalog.map((e) => [e.name, { ...e, key: validatorKey(tenantId, e.name) }]));
      return { tenantId, value: { version: row.version, catalog, subscriptions: row.subscriptions } };
    });
    return routing ?? { version: '-1', catalog: new Map(), subscriptions: [] };
  }

  /** Forgets what is kept for the tenant: it changed (this process changed it, or a write found it moved). */
  forget(tenantId: string): void {
    this.cache.dropTenant(tenantId);
  }
}
