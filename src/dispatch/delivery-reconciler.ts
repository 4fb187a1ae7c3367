import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { workflowIdFor } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';
import { hostOf } from '../common/url.js';
import { MetricsService } from '../health/metrics.service.js';
import type { DispatchItem } from '../database/delivery-store/index.js';
import { restartDeliveryWorkflow } from './workflow-dispatch.js';

const BATCH = 100;
/** A delivery whose workflow was found running is not looked at again for this long. */
const RECHECK_AFTER_MS = 10 * 60_000;

interface Suspect extends DispatchItem {
  attemptCount: number;
  url: string;
}

/**
 * Postgres holds the truth about a delivery, Temporal runs it. This finds unfinished deliveries that should have
 * moved by now (an attempt overdue, a `sending` past its timeout, a held delivery of an active subscription) and
 * asks Temporal about each: a workflow missing (never started, lost to retention) is started, one closed
 * (terminated by an operator, timed out) is started anew from the next attempt. One still running is left alone.
 */
@Injectable()
export class DeliveryReconciler {
  private readonly log = new Logger('DeliveryReconciler');
  private readonly seenRunning = new Map<string, number>();

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Client) private readonly client: Client,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** One pass over deliveries quiet for longer than `stuckSeconds` beyond their own timing; returns how many it restarted. */
  async reconcile(stuckSeconds: number): Promise<number> {
    const now = Date.now();
    for (const [id, at] of this.seenRunning) if (now - at > RECHECK_AFTER_MS) this.seenRunning.delete(id);
    const suspects: Suspect[] = await this.db.query(
      `SELECT d.id, d.tenant_id AS "tenantId", d.subscription_id AS "subscriptionId", d.event_type AS "eventType",
              d.status, d.attempt_count AS "attemptCount", s.url
         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
        WHERE d.dispatched AND s.deleted_at IS NULL AND d.id <> ALL($3::varchar[])
          AND ((d.status IN ('scheduled', 'sending') AND d.updated_at < now() - make_interval(secs => s.timeout_ms / 1000.0 + $1))
            OR (d.status = 'retrying' AND d.next_attempt_at < now() - make_interval(secs => $1))
            OR (d.status = 'held' AND s.status = 'active' AND d.updated_at < now() - make_interval(secs => $1)))
        ORDER BY d.updated_at LIMIT $2`,
      [stuckSeconds, BATCH, [...this.seenRunning.keys()]],
    );
    let restarted = 0;
    for (const suspect of suspects) {
      const action = await this.check(suspect).catch((err: Error) => {
        this.log.warn(`reconciling delivery ${suspect.id} failed: ${err.message}`);
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
