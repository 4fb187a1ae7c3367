import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import type { TenantContext } from '../auth/tenant-context.js';
import { RateLimited, validationFailed } from '../common/errors.js';
import { namedSql } from '../database/named-sql.js';
import { queryPrepared } from '../database/prepared.js';
import type { Queryable } from '../database/queryable.js';
import { MetricsService } from '../health/metrics.service.js';
import { bucketTerms, effectiveIngestQuota, isUnlimited, retryAfterSeconds, type IngestQuota } from '../policy/ingest-quota-arithmetic.js';

// One autocommit statement: the bucket row is locked only while it runs, never inside the ingest transaction.
// The upsert takes the tokens when they fit (ON CONFLICT judges the latest row version, so api processes racing
// on one tenant each see the other's take). When they do not fit nothing is written, and the second branch reads
// the bucket to say how long until they would. Postgres's clock is the one clock all api processes share.
const TAKE_SQL = `
WITH taken AS (
  INSERT INTO ingest_buckets AS b (tenant_id, full_at)
  VALUES (:tenantId, now() + :costSeconds::float8 * interval '1 second')
  ON CONFLICT (tenant_id) DO UPDATE
     SET full_at = greatest(b.full_at, now()) + :costSeconds::float8 * interval '1 second'
   WHERE greatest(b.full_at, now()) + :costSeconds::float8 * interval '1 second'
         <= now() + :burstSeconds::float8 * interval '1 second'
  RETURNING true AS taken, 0::float8 AS wait
)
SELECT taken, wait FROM taken
UNION ALL
SELECT false, extract(epoch FROM greatest(full_at, now()) + (:costSeconds::float8 - :burstSeconds::float8) * interval '1 second' - now())::float8
  FROM ingest_buckets
 WHERE tenant_id = :tenantId AND NOT EXISTS (SELECT 1 FROM taken)`;

/** Takes `costSeconds` of bucket time if it fits; else nothing, and the seconds until it would fit. */
export async function takeFromBucket(
  db: Queryable,
  tenantId: string,
  terms: { costSeconds: number; burstSeconds: number },
): Promise<{ taken: true } | { taken: false; waitSeconds: number }> {
  const rows = await queryPrepared<{ taken: boolean; wait: number }>(
    db,
    'hookrelay_take_from_bucket',
    ...namedSql(TAKE_SQL, { tenantId, ...terms }),
  );
  // No row at all: the bucket was created by a concurrent first request this statement's snapshot cannot see.
  if (rows.length === 0) return { taken: false, waitSeconds: terms.costSeconds };
  return rows[0].taken ? { taken: true } : { taken: false, waitSeconds: rows[0].wait };
}

/** A refusal this process saw: until `until`, `events` or more events of this tenant at this quota cannot fit. */
interface Refused {
  until: number;
  events: number;
}

/** Tenants remembered as refused; past this, the oldest are forgotten (a forgotten one only costs a statement). */
const MAX_REMEMBERED = 10_000;

/**
 * The per-tenant ingest quota (TENANT_EVENTS_PER_SECOND, or the tenant's own from the admin API), checked after a
 * request is validated and before anything is written: a refused request writes nothing. A tenant without a
 * limit costs no statement at all.
 *
 * A refusal is remembered until the bucket could hold the refused events again: other takes only push that moment
 * later, never earlier, so a tenant that keeps sending over its quota is answered here without a statement (the
 * answer the bucket would give). Keyed by the quota as well, so a changed quota is judged afresh at once.
 */
@Injectable()
export class IngestQuotaGate {
  private readonly refused = new Map<string, Refused>();

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** Admits `events` new events of this tenant at once, or throws: 422 if they can never fit, else 429. */
  async admit(tenant: TenantContext, events: number, field = '(body)'): Promise<void> {
    const quota = effectiveIngestQuota(tenant.ingestQuota, this.config.ingestQuota);
    if (isUnlimited(quota) || events === 0) return;
    // Waiting would never help: a 429 would send well-behaved clients into retrying for ever.
    if (events > quota.burst) {
      throw validationFailed(
        [
          {
            field,
            message: `holds ${events} new events; this tenant's ingest burst is ${quota.burst}, so at most ${quota.burst} fit in one request`,
          },
        ],
        `More events than this tenant's ingest quota admits at once (burst ${quota.burst}); split the batch.`,
      );
    }
    const key = keyOf(tenant.id, quota);
    const known = this.refused.get(key);
    if (known && events >= known.events && Date.now() < known.until) throw this.refusal(quota, events, (known.until - Date.now()) / 1000);
    const result = await takeFromBucket(this.db, tenant.id, bucketTerms(quota, events));
    if (result.taken) return;
    this.refused.delete(key);
    if (this.refused.size >= MAX_REMEMBERED) this.refused.delete(this.refused.keys().next().value!);
    this.refused.set(key, { until: Date.now() + result.waitSeconds * 1000, events });
    throw this.refusal(quota, events, result.waitSeconds);
  }

  private refusal(quota: IngestQuota, events: number, waitSeconds: number): RateLimited {
    this.metrics.ingestThrottled.inc();
    const wait = retryAfterSeconds(waitSeconds);
    return new RateLimited(
      `This tenant may ingest ${quota.perSecond} events per second (burst ${quota.burst}); ${events === 1 ? 'this event fits' : `these ${events} events fit`} in ${wait} s (Retry-After). Nothing was written.`,
      wait,
      'ingest-quota-exceeded',
    );
  }
}

const keyOf = (tenantId: string, quota: IngestQuota) => `${tenantId}/${quota.perSecond}/${quota.burst}`;
