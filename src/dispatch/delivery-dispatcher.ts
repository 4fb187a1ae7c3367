import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { workflowUrl } from '../temporal/workflow-url.js';
import { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { cancelSignal, resumeSignal, wakeSignal, workflowIdFor } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';
import { markDispatched, type Cancelled } from '../database/delivery-store/index.js';
import { FairQueue } from './fair-queue.js';
import { StartShares } from './start-shares.js';
import { inOrderBounded, releaseDeliveryWorkflow, signalDeliveries, startDeliveryWorkflow } from './workflow-dispatch.js';
import type { DispatchItem } from '../database/delivery-store/index.js';

/** Workflow starts in flight from one api process: enough to keep the engine busy, few enough not to flood it. */
const STARTS_IN_FLIGHT = 64;
/** One tenant's share of them while others are active: a burst goes in a few at a time (see StartShares). */
const STARTS_IN_FLIGHT_PER_TENANT = 8;
/** A tenant that handed over deliveries this recently counts as active, whether or not it has any waiting. */
const ACTIVE_TENANT_MS = 2_000;
/** Past this, new deliveries wait in Postgres for the sweeper instead of in memory. */
const MAX_QUEUED = 100_000;

/** A start waiting in the pump; `settled` is told how it went when someone waits for it (the sweeper). */
interface Queued {
  item: DispatchItem;
  settled?: (started: boolean) => void;
}

/**
 * The api's side of starting deliveries. Ingestion answers once the rows are committed (the outbox) and hands
 * them here; a pump starts their workflows in the background at the engine's pace, so a burst of events is never
 * held up by workflow starts. Tenants take turns, and while others are active one tenant has at most a few
 * starts in flight, so one tenant's burst does not queue everyone else's deliveries behind it, here or in the
 * engine (whose task queues serve tenants in turn too: the tenant is each workflow's fairness key). Whatever this process does not get to
 * (a crash, a full queue, Temporal down) the sweeper starts from Postgres.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationShutdown {
  private readonly log = new Logger('DeliveryDispatcher');
  private readonly queue = new FairQueue<Queued>();
  private inFlight = 0;
  private peak = 0;
  /** Ids queued or in flight here: the sweeper does not queue a second start of one (it is this pump's already). */
  private readonly pendingIds = new Set<string>();
  private readonly shares = new StartShares(STARTS_IN_FLIGHT_PER_TENANT, ACTIVE_TENANT_MS);
  private heldStarted: string[] = [];
  private heldMarking?: NodeJS.Timeout;
  private idle: (() => void)[] = [];

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  /** Hands committed deliveries to the background pump; returns at once. */
  enqueue(items: DispatchItem[]): void {
    if (this.queue.size + items.length > MAX_QUEUED) {
      this.log.warn(`start queue full: ${items.length} deliveries left for the sweeper`);
      return;
    }
    for (const item of items) {
      this.queue.push(item.tenantId, { item });
      this.pendingIds.add(item.id);
      this.shares.seen(item.tenantId);
    }
    this.pump();
  }

  /** The most starts this process has had in flight at once (a test's check of the cap). */
  get peakInFlight(): number {
    return this.peak;
  }

  /** Workflow starts queued or in flight in this process. */
  get pendingStarts(): number {
    return this.queue.size + this.inFlight;
  }

  /** Resolves when every enqueued delivery has had its start attempted. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0 && this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.race([this.whenIdle(), new Promise((r) => setTimeout(r, 10_000))]);
    await this.markHeldStarted();
  }

  /** Starts queued deliveries, tenants in turn, within the in-flight limits. */
  private pump(): void {
    const mayStart = (tenantId: string) => this.shares.mayStart(tenantId);
    while (this.inFlight < STARTS_IN_FLIGHT) {
      const next = this.queue.take(mayStart);
      if (!next) break;
      const { item, settled } = next.item;
      this.inFlight++;
      this.peak = Math.max(this.peak, this.inFlight);
      this.shares.started(item.tenantId);
      startDeliveryWorkflow(this.client, this.dispatchOptions(), item)
        .then(() => {
          // A waiter (the sweeper) marks what it started itself; otherwise a held start is marked here.
          if (settled) settled(true);
          else if (item.status === 'held') this.markHeldSoon(item.id);
        })
        .catch((err: Error) => {
          settled?.(false);
          this.log.warn({ msg: `workflow start failed, the sweeper will retry: ${err.message}`, deliveryId: item.id });
        })
        .finally(() => {
          this.inFlight--;
          this.pendingIds.delete(item.id);
          this.shares.ended(item.tenantId);
          this.pump();
        });
    }
    if (this.inFlight === 0 && this.queue.size === 0) void this.settle();
  }

  /** The pump ran dry: mark the held deliveries it started, wake waiters. */
  private async settle(): Promise<void> {
    await this.markHeldStarted();
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /**
   * A held delivery's workflow exists: mark its row started (nothing else does until it is resumed), a batch at a
   * time so a backlog of held starts costs one UPDATE per quarter second, not one each.
   */
  private markHeldSoon(id: string): void {
    this.heldStarted.push(id);
    this.heldMarking ??= setTimeout(() => void this.markHeldStarted(), 250);
  }

  private async markHeldStarted(): Promise<void> {
    clearTimeout(this.heldMarking);
    this.heldMarking = undefined;
    const held = this.heldStarted;
    this.heldStarted = [];
    await this.markDispatched(held).catch((err: Error) => this.log.warn(`marking started deliveries failed: ${err.message}`));
  }

  private dispatchOptions() {
    return { taskQueue: this.config.temporal.taskQueue, eager: this.config.role === 'all' };
  }

  /** Starts one workflow now and waits for the start (test sends, which then wait for the result). */
  startNow(item: DispatchItem): Promise<void> {
    return startDeliveryWorkflow(this.client, this.dispatchOptions(), item);
  }

  /**
   * Starts the workflows through the pump (its in-flight cap and tenants in turn, shared with ingest's starts)
   * and returns the ids started once each has been tried (the sweeper's path); failures are left to the next sweep.
   */
  async dispatch(items: DispatchItem[]): Promise<string[]> {
    // One already waiting here (a backlog older than the sweeper's grace) is left to its queued start.
    const fresh = items.filter((item) => !this.pendingIds.has(item.id));
    if (fresh.length === 0) return [];
    const outcomes = fresh.map(
      (item) =>
        new Promise<boolean>((settled) => {
          this.queue.push(item.tenantId, { item, settled });
          this.pendingIds.add(item.id);
          this.shares.seen(item.tenantId);
        }),
    );
    this.pump();
    const results = await Promise.all(outcomes);
    const started = fresh.filter((_, i) => results[i]).map((item) => item.id);
    if (started.length < fresh.length)
      this.log.warn(`${fresh.length - started.length} of ${fresh.length} workflow starts failed; the sweeper will retry`);
    return started;
  }

  /** Marks deliveries whose workflow is known to exist, so the sweeper leaves them alone. */
  markDispatched(ids: string[]): Promise<void> {
    return markDispatched(this.db, ids);
  }

  /** Signals delivery workflows, oldest first, a bounded number at a time so a big resume cannot flood Temporal. */
  signal(deliveryIds: string[], signal: SignalDefinition<[], string>): Promise<void> {
    return signalDeliveries(this.client, deliveryIds, signal, (id, err) =>
      this.log.warn({ msg: `signal ${signal.name} failed: ${err.name}: ${err.message}`, deliveryId: id }),
    );
  }

  /** After a cancel (see cancelDeliveries): cuts the cancelled deliveries' backoffs short, wakes whom it moved on. */
  async afterCancel(cancel: Cancelled | null): Promise<void> {
    if (!cancel) return;
    await this.signal(cancel.cancelled, cancelSignal);
    await this.signal(cancel.wake, wakeSignal);
  }

  /**
   * Releases held deliveries, oldest first, whatever else is queued: each workflow is signalled, or started and
   * signalled if its start is still queued here (or was lost), and its row marked started. Returns how many.
   */
  async release(items: DispatchItem[]): Promise<number> {
    const started: string[] = [];
    await inOrderBounded(items, (item) =>
      releaseDeliveryWorkflow(this.client, this.dispatchOptions(), item, resumeSignal)
        .then(() => void started.push(item.id))
        .catch((err: Error) =>
          this.log.warn({
            msg: `releasing a held delivery failed, the sweeper will retry: ${err.name}: ${err.message}`,
            deliveryId: item.id,
          }),
        ),
    );
    await this.markDispatched(started).catch((err: Error) => this.log.warn(`marking released deliveries failed: ${err.message}`));
    return started.length;
  }

  temporalUrl(deliveryId: string): string {
    return workflowUrl(this.config.temporal, workflowIdFor(deliveryId));
  }
}
