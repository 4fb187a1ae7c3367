import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { MetricsService } from './metrics.service.js';

/** Unstarted deliveries are counted up to this many (the gauge then stays there): the count stays an index walk of bounded length. */
export const UNSTARTED_COUNT_CAP = 100_000;

interface LagRow {
  firstAttempt: number | null;
  retrying: number | null;
  unstarted: number;
  openCircuits: number;
  disabled: number;
}

/**
 * Each branch is served by a partial index: the oldest by idx_deliveries_first_attempt_due and
 * idx_deliveries_retrying (one index probe each), unstarted by idx_deliveries_undispatched (LIMIT-bounded).
 * Held deliveries (a paused subscription) wait on purpose and are left out.
 */
const SQL = `
SELECT (SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float8 FROM deliveries
         WHERE attempt_count = 0 AND status IN ('scheduled', 'sending')) AS "firstAttempt",
       (SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float8 FROM deliveries WHERE status = 'retrying') AS retrying,
       (SELECT count(*)::int FROM (SELECT 1 FROM deliveries WHERE dispatched = false LIMIT ${UNSTARTED_COUNT_CAP}) u) AS unstarted,
       (SELECT count(*)::int FROM subscriptions WHERE deleted_at IS NULL AND circuit_open_until > now()) AS "openCircuits",
       (SELECT count(*)::int FROM subscriptions WHERE deleted_at IS NULL AND status = 'disabled') AS disabled`;

/**
 * The delivery lag and endpoint health an on-call watches, read from Postgres at most every METRICS_REFRESH_MS
 * whatever the scrape rate (scrapes in between reuse the last values; a failed read keeps them too).
 */
@Injectable()
export class DeliveryLagMetrics implements OnModuleInit {
  private readonly log = new Logger('DeliveryLagMetrics');
  private last: LagRow = { firstAttempt: null, retrying: null, unstarted: 0, openCircuits: 0, disabled: 0 };
  private readAt = 0;
  private reading?: Promise<LagRow>;

  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Config) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const read = () => this.current();
    new Gauge({
      name: 'webhook_oldest_unfinished_delivery_age_seconds',
      help: 'Age of the oldest delivery not ended nor held, by stage: first_attempt (none made yet), retrying (waiting for its next); 0: none',
      labelNames: ['stage'] as const,
      registers,
      async collect() {
        const row = await read();
        this.set({ stage: 'first_attempt' }, row.firstAttempt ?? 0);
        this.set({ stage: 'retrying' }, row.retrying ?? 0);
      },
    });
    new Gauge({
      name: 'webhook_deliveries_unstarted',
      help: `Deliveries whose workflow start is not confirmed yet (the outbox; the sweeper starts them), counted up to ${UNSTARTED_COUNT_CAP}`,
      registers,
      async collect() {
        this.set((await read()).unstarted);
      },
    });
    new Gauge({
      name: 'webhook_subscriptions_circuit_open',
      help: 'Subscriptions whose circuit is open now (no attempts until it may be probed)',
      registers,
      async collect() {
        this.set((await read()).openCircuits);
      },
    });
    new Gauge({
      name: 'webhook_subscriptions_disabled',
      help: 'Subscriptions disabled (by the service after failing for DISABLE_AFTER_HOURS, or by their tenant), not deleted',
      registers,
      async collect() {
        this.set((await read()).disabled);
      },
    });
  }

  /** The last values, read again first when they are older than METRICS_REFRESH_MS (one read for every gauge). */
  private current(): Promise<LagRow> {
    if (Date.now() - this.readAt < this.config.metricsRefreshMs) return Promise.resolve(this.last);
    this.reading ??= this.db
      .query<LagRow[]>(SQL)
      .then(([row]) => {
        this.last = row!;
        this.readAt = Date.now();
        return this.last;
      })
      .catch((err: unknown) => {
        this.log.warn(`reading the delivery lag failed, /metrics keeps the last values: ${(err as Error).message}`);
        return this.last;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}
