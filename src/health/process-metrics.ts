import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ChangeFeed } from '../database/change-feed.js';
import { MetricsService } from './metrics.service.js';

/** node-postgres's pool counters (typeorm keeps the pool as the driver's `master`). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Gauges read at scrape time from what this process holds: its Postgres pool and its change feed. */
@Injectable()
export class ProcessMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ChangeFeed) private readonly feed: ChangeFeed,
  ) {}

  onModuleInit(): void {
    const pool = () => (this.db.driver as unknown as { master?: PgPoolCounts }).master;
    const registers = [this.metrics.registry];
    new Gauge({
      name: 'db_pool_connections',
      help: "Connections of this process's Postgres pool, by state (idle, busy)",
      labelNames: ['state'] as const,
      registers,
      collect() {
        const p = pool();
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'busy' }, (p?.totalCount ?? 0) - (p?.idleCount ?? 0));
      },
    });
    new Gauge({
      name: 'db_pool_waiting',
      help: 'Queries waiting for a connection of the Postgres pool (above 0 for long: the pool is too small or held)',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    const feed = this.feed;
    new Gauge({
      name: 'change_feed_connected',
      help: '1 while the change feed (LISTEN) hears changes; 0: caches answer from the database only',
      registers,
      collect() {
        this.set(feed.live ? 1 : 0);
      },
    });
  }
}
