import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { DELIVER_WORKFLOW_TYPE, searchAttributes, workflowIdFor, type DeliverInput } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';

export interface DispatchItem {
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventType: string;
  status: string;
}

/**
 * Starts one workflow per delivery. The workflow id is derived from the delivery id, so starting twice is
 * harmless: the sweeper may retry any start whose outcome is unknown.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly log = new Logger('DeliveryDispatcher');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  /** Starts the workflows and returns the ids started; failures are logged, not thrown: the rows are durable and the sweeper retries them. */
  async dispatch(items: DispatchItem[]): Promise<string[]> {
    const results = await Promise.allSettled(items.map((item) => this.start(item)));
    const started = items.filter((_, i) => results[i]!.status === 'fulfilled').map((item) => item.id);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      const reason = (failure.reason as Error)?.message ?? String(failure.reason);
      this.log.warn(`${items.length - started.length} of ${items.length} workflow starts failed; the sweeper will retry (${reason})`);
    }
    return started;
  }

  private async start(item: DispatchItem): Promise<void> {
    const input: DeliverInput = { deliveryId: item.id };
    try {
      await this.client.workflow.start(DELIVER_WORKFLOW_TYPE, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: workflowIdFor(item.id),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: searchAttributes.tenantId, value: item.tenantId },
          { key: searchAttributes.subscriptionId, value: item.subscriptionId },
          { key: searchAttributes.eventType, value: item.eventType },
          { key: searchAttributes.deliveryStatus, value: item.status },
        ],
        staticSummary: `${item.eventType} to ${item.subscriptionId}`,
        requestEagerStart: this.config.role === 'all',
      });
    } catch (err) {
      // A closed workflow with this id means the delivery already ran: nothing to start.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** Marks deliveries whose workflow is known to exist, so the sweeper leaves them alone. */
  async markDispatched(ids: string[]): Promise<void> {
    if (ids.length) await this.db.query(`UPDATE deliveries SET dispatched = true WHERE id = ANY($1)`, [ids]);
  }

  temporalUrl(deliveryId: string): string {
    const { uiUrl, namespace } = this.config.temporal;
    return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowIdFor(deliveryId))}`;
  }
}
