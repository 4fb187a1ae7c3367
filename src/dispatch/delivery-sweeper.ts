import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { MetricsService } from '../health/metrics.service.js';
import type { DispatchItem } from '../database/delivery-store/index.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { heldDeliveries } from './held-deliveries.js';
import { DeliveryReconciler } from './delivery-reconciler.js';

const BATCH = 500;
/** A delivery's first activity marks it dispatched; older than this without the mark, its start may be lost. */
const GRACE_SECONDS = 60;

/**
 * The outbox sweeper: an accepted delivery is never stranded. If the api crashed or Temporal was unreachable
 * between the commit and the workflow start, this starts it (starts are idempotent by workflow id).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DeliverySweeper');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(DeliveryReconciler) private readonly reconciler: DeliveryReconciler,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass; returns how many deliveries it started. */
  sweepOnce(graceSeconds = GRACE_SECONDS): Promise<number> {
    this.sweeping ??= this.sweep(graceSeconds).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(graceSeconds: number): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const rows: DispatchItem[] = await this.db.query(
          // The event's traceparent: a start made here still continues the trace of the request that accepted it.
          `SELECT d.id, d.tenant_id AS "tenantId", d.subscription_id AS "subscriptionId", d.event_type AS "eventType", d.status,
                  e.trace_parent AS "traceParent"
             FROM deliveries d JOIN events e ON e.id = d.event_id
            WHERE d.dispatched = false AND d.created_at < now() - make_interval(secs => $1)
            ORDER BY d.created_at LIMIT $2`,
          [graceSeconds, BATCH],
        );
        if (rows.length === 0) break;
        const started = await this.dispatcher.dispatch(rows);
        await this.dispatcher.markDispatched(started);
        total += started.length;
        if (started.length < rows.length || rows.length < BATCH) break;
      }
      if (total) this.log.log(`started ${total} deliveries whose workflow start was not confirmed`);
      total += await this.releaseHeld(graceSeconds);
      this.metrics.jobSucceeded('sweeper');
      total += await this.reconciler.reconcile(graceSeconds * 5);
    } catch (err) {
      this.log.warn(`sweep failed: ${(err as Error).message}`);
    }
    return total;
  }

  /**
   * Held deliveries of an active subscription: a resume that crashed half-way, or a delivery written as held
   * while the resume ran. Releases them again (harmless twice; starts a workflow that is missing).
   */
  private async releaseHeld(graceSeconds: number): Promise<number> {
    const held = await heldDeliveries(
      this.db,
      `s.status = 'active' AND s.deleted_at IS NULL
       AND s.updated_at < now() - make_interval(secs => $1) AND d.updated_at < now() - make_interval(secs => $1)`,
      [graceSeconds],
      BATCH,
    );
    const released = await this.dispatcher.release(held);
    if (released) this.log.log(`released ${released} held deliveries of active subscriptions`);
    return released;
  }
}
