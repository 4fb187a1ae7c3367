import { Inject, Injectable } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import type { TenantContext } from '../auth/tenant-context.js';
import { RateLimited, validationFailed } from '../common/errors.js';
import type { QuotaTake } from '../database/delivery-store/index.js';
import { MetricsService } from '../health/metrics.service.js';
import { bucketTerms, effectiveIngestQuota, isUnlimited, retryAfterSeconds, type IngestQuota } from '../policy/ingest-quota-arithmetic.js';

/** A refusal this process saw: until `until`, `events` or more events of this tenant at this quota cannot fit. */
interface Refused {
  until: number;
  events: number;
}

/** Tenants remembered as refused; past this, the oldest are forgotten (a forgotten one only costs a statement). */
const MAX_REMEMBERED = 10_000;

/**
 * The per-tenant ingest quota (TENANT_EVENTS_PER_SECOND, or the tenant's own from the admin API): a GCRA bucket
 * in Postgres, taken by the ingest's write statement itself (src/database/delivery-store/inserts.ts), so that a
 * refused request writes nothing and an admitted one costs no round trip of its own. This decides what a request
 * takes and what a refused one is told. A tenant without a limit takes nothing.
 *
 * A refusal is remembered until the bucket could hold the refused events again: other takes only push that moment
 * later, never earlier, so a tenant that keeps sending over its quota is refused here, before its events are
 * matched, and costs no statement (the answer is the one the bucket would give). Keyed by the quota as well, so a
 * changed quota is judged afresh at once.
 */
@Injectable()
export class IngestQuotaGate {
  private readonly refused = new Map<string, Refused>();

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** What `events` new events take from the bucket (null: unlimited), or throws: 422 if they can never fit, 429 if known not to fit yet. */
  take(tenant: TenantContext, events: number, field = '(body)'): QuotaTake | null {
    const quota = effectiveIngestQuota(tenant.ingestQuota, this.config.ingestQuota);
    if (isUnlimited(quota) || events === 0) return null;
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
    const known = this.refused.get(keyOf(tenant.id, quota));
    if (known && events >= known.events && Date.now() < known.until) throw this.refusal(quota, events, (known.until - Date.now()) / 1000);
    return bucketTerms(quota, events);
  }

  /** The answer to a write the bucket refused, `waitSeconds` before the events would fit; remembered until then. */
  overQuota(tenant: TenantContext, events: number, waitSeconds: number): RateLimited {
    const quota = effectiveIngestQuota(tenant.ingestQuota, this.config.ingestQuota);
    const key = keyOf(tenant.id, quota);
    this.refused.delete(key);
    if (this.refused.size >= MAX_REMEMBERED) this.refused.delete(this.refused.keys().next().value!);
    this.refused.set(key, { until: Date.now() + waitSeconds * 1000, events });
    return this.refusal(quota, events, waitSeconds);
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
