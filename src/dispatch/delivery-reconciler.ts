import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { workflowIdFor } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';
import { hostOf } from '../common/url.js';
import { MetricsService } from '../health/metrics.service.js';
import type { DispatchItem } from '../database/delivery-store/index.js';
import { queryWithTimeout } from '../database/bounded-query.js';
import { CURSOR_START, SUSPECTS_SQL } from './reconciler-queries.js';
import { restartDeliveryWorkflow } from './workflow-dispatch.js';

/** Rows per branch per pass (see reconciler-queries.ts): a pass reads at most three times this. */
const BATCH = 100;
/** A pass's read is cancelled past this: a bad plan must not scan on and hold back DDL. */
const STATEMENT_TIMEOUT_MS = 10_000;
/** A delivery whose workflow was found running is not looked at again for this long. */
const RECHECK_AFTER_MS = 10 * 60_000;

interface Suspect extends DispatchItem {
  branch: 'quiet' | 'due' | 'held';
  attemptCount: number;
  url: string;
  cursorAt: string | null;
}

/**
 * Postgres holds the truth about a delivery, Temporal runs it. This finds unfinished deliveries that should have
 * moved by now (an attempt overdue, a `sending` past its timeout, a held delivery of an active subscription) and
 * asks Temporal about each: a workflow missing (never started, lost to retention) is started, one closed
 * (terminated by an operator, timed out) is started anew from the next attempt. One still running is left alone.
 * Run by the sweeper's leader only (see DeliverySweeper); its memory (the cursors, what it saw running) is valid
 * while it stays leader, and `forget()` clears it when leadership is lost.
 */
@Injectable()
export class DeliveryReconciler {
  private readonly log = new Logger('DeliveryReconciler');
  private readonly seenRunning = new Map<string, number>();
  private quietCursor = CURSOR_START;
  private dueCursor = CURSOR_START;

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Client) private readonly client: Client,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** Drops what this process learnt: another may have acted since (a leader change). The next pass starts afresh. */
  forget(): void {
    this.seenRunning.clear();
    this.quietCursor = this.dueCursor = CURSOR_START;
  }

  /** One pass over deliveries quiet for longer than `stuckSeconds` beyond their own timing; returns how many it restarted. */
  async reconcile(stuckSeconds: number): Promise<number> {
    const now = Date.now();
    for (const [id, at] of this.seenRunning) if (now - at > RECHECK_AFTER_MS) this.seenRunning.delete(id);
    const rows = await queryWithTimeout<Suspect>(this.db, STATEMENT_TIMEOUT_MS, SUSPECTS_SQL, [
      stuckSeconds,
      BATCH,
      this.quietCursor.at,
      this.quietCursor.id,
      this.dueCursor.at,
      this.dueCursor.id,
    ]);
    this.quietCursor = nextCursor(rows.filter((r) => r.branch === 'quiet'));
    this.dueCursor = nextCursor(rows.filter((r) => r.branch === 'due'));
    const suspects = rows.filter((r) => !this.seenRunning.has(r.id));
    let restarted = 0;
    for (const suspect of suspects) {
      const action = await this.check(suspect).catch((err: Error) => {
        this.log.warn({ msg: `reconciling a delivery failed: ${err.message}`, deliveryId: suspect.id });
        return null;
      });
      if (action === 'running') this.seenRunning.set(suspect.id, now);
      else if (action) {
        restarted++;
        this.metrics.deliveriesReconciled.inc({ action });
        this.log.warn(
          `delivery ${suspect.id} was ${suspect.status} with its workflow ${action === 'started' ? 'missing' : 'closed'}: started a run from attempt ${suspect.attemptCount + 1}`,
        );
      }
    }
    this.metrics.jobSucceeded('reconciler');
    return restarted;
  }

  private async check(suspect: Suspect): Promise<'running' | 'started' | 'restarted'> {
    let action: 'started' | 'restarted';
    try {
      const { status } = await this.client.workflow.getHandle(workflowIdFor(suspect.id)).describe();
      if (status.name === 'RUNNING') return 'running';
      action = 'restarted';
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      action = 'started';
    }
    const item: DispatchItem = {
      id: suspect.id,
      tenantId: suspect.tenantId,
      subscriptionId: suspect.subscriptionId,
      eventType: suspect.eventType,
      // A held delivery found here belongs to an active subscription: the new run attempts at once.
      status: suspect.status === 'held' ? 'scheduled' : suspect.status,
      targetHost: hostOf(suspect.url),
      firstAttempt: suspect.attemptCount + 1,
    };
    await restartDeliveryWorkflow(this.client, { taskQueue: this.config.temporal.taskQueue, eager: false }, item);
    return action;
  }
}

/** A full batch: the next pass goes on after its last row; a short one: the walk is done, the next starts over. */
function nextCursor(rows: Suspect[]): { at: string; id: string } {
  const last = rows.at(-1);
  return rows.length < BATCH || !last?.cursorAt ? CURSOR_START : { at: last.cursorAt, id: last.id };
}
