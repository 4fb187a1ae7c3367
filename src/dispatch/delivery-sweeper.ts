import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { queryWithTimeout, withStatementTimeout } from '../database/bounded-query.js';
import { dropJobLease, takeJobLease } from '../database/job-lease.js';
import { Config } from '../app-config.token.js';
import { MetricsService } from '../health/metrics.service.js';
import type { DispatchItem } from '../database/delivery-store/index.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { heldOfActiveSubscriptions } from './held-deliveries.js';
import { DeliveryReconciler } from './delivery-reconciler.js';

const BATCH = 500;
/** The sweeper's lease (table job_leases): one process at a time sweeps and reconciles. */
export const SWEEPER_JOB = 'delivery-sweeper';
/** Each tick comes this fraction of the interval early or late, so processes started together drift apart. */
const JITTER = 0.2;
/** A delivery's first activity marks it dispatched; older than this without the mark, its start may be lost. */
const GRACE_SECONDS = 60;
/** A periodic read is cancelled past this (served by an index, it takes milliseconds). */
const STATEMENT_TIMEOUT_MS = 10_000;

/**
 * The outbox sweeper: an accepted delivery is never stranded. If the api crashed or Temporal was unreachable
 * between the commit and the workflow start, this starts it (starts are idempotent by workflow id), through the
 * dispatcher's bounded, fair pump. Every api process ticks, but only the holder of the job's lease sweeps: after an
 * outage of Temporal, N stranded deliveries cost N starts, not N per process. A leader that dies is replaced once
 * its lease expires (three intervals, at least a minute).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DeliverySweeper');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private stopped = false;
  private leader = false;
  /** This instance in job_leases: host, pid and a random part (two in one process in tests). */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(DeliveryReconciler) private readonly reconciler: DeliveryReconciler,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
    if (this.leader) await dropJobLease(this.db, SWEEPER_JOB, this.holder).catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = this.config.sweepIntervalMs * (1 - JITTER + 2 * JITTER * Math.random());
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), delay);
    this.timer.unref();
  }

  private get leaseMs(): number {
    return Math.max(3 * this.config.sweepIntervalMs, 60_000);
  }

  /** Takes or renews the lease; on losing it, forgets what the reconciler learnt (the new leader acts meanwhile). */
  private async holdLease(): Promise<boolean> {
    const leader = await takeJobLease(this.db, SWEEPER_JOB, this.holder, this.leaseMs).catch((err: Error) => {
      this.log.warn(`the sweeper's lease could not be taken: ${err.message}`);
      return false;
    });
    if (this.leader && !leader) this.reconciler.forget();
    if (leader !== this.leader) this.log.log(leader ? 'this process now sweeps (lease taken)' : 'another process sweeps now');
    this.leader = leader;
    return leader;
  }

  /** One timer tick: a pass if this process holds (or takes) the lease; returns how many it started, or null when not leader. */
  async tick(graceSeconds = GRACE_SECONDS): Promise<number | null> {
    if (!(await this.holdLease())) return null;
    return this.sweepOnce(graceSeconds);
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
        const rows: DispatchItem[] = await queryWithTimeout(
          this.db,
          STATEMENT_TIMEOUT_MS,
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
        // A long backlog: keep the lease while working through it, stop if another process has taken it.
        if (this.leader && !(await this.holdLease())) return total;
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
    const held = await withStatementTimeout(this.db, STATEMENT_TIMEOUT_MS, (tx) => heldOfActiveSubscriptions(tx, graceSeconds, BATCH));
    const released = await this.dispatcher.release(held);
    if (released) this.log.log(`released ${released} held deliveries of active subscriptions`);
    return released;
  }
}
