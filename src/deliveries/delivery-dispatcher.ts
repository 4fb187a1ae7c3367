import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { workflowIdFor } from '../../workflows/contracts.js';
import { Config } from '../app-config.token.js';
import { startDeliveryWorkflows, type DispatchItem } from './workflow-starter.js';

export type { DispatchItem } from './workflow-starter.js';

/** The api's side of starting deliveries: workflow starts, the dispatched mark, and Temporal UI links. */
@Injectable()
export class DeliveryDispatcher {
  private readonly log = new Logger('DeliveryDispatcher');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  /** Starts the workflows and returns the ids started; failures are logged, and the sweeper retries them. */
  async dispatch(items: DispatchItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const { started, firstError } = await startDeliveryWorkflows(
      this.client,
      { taskQueue: this.config.temporal.taskQueue, eager: this.config.role === 'all' },
      items,
    );
    if (firstError) {
      this.log.warn(`${items.length - started.length} of ${items.length} workflow starts failed; the sweeper will retry (${firstError.message})`);
    }
    // A held delivery makes no attempt (which would mark it) until resumed: mark it here, or the sweeper would.
    const held = new Set(items.filter((i) => i.status === 'held').map((i) => i.id));
    if (held.size) await this.markDispatched(started.filter((id) => held.has(id)));
    return started;
  }

  /** Marks deliveries whose workflow is known to exist, so the sweeper leaves them alone. */
  async markDispatched(ids: string[]): Promise<void> {
    if (ids.length) await this.db.query(`UPDATE deliveries SET dispatched = true WHERE id = ANY($1)`, [ids]);
  }

  /** Signals delivery workflows, oldest first, a bounded number at a time so a big resume cannot flood Temporal. */
  async signal(deliveryIds: string[], signal: SignalDefinition<[], string>): Promise<void> {
    const IN_FLIGHT = 32;
    for (let i = 0; i < deliveryIds.length; i += IN_FLIGHT) {
      await Promise.all(
        deliveryIds.slice(i, i + IN_FLIGHT).map((id) =>
          this.client.workflow
            .getHandle(workflowIdFor(id))
            .signal(signal)
            .catch((err: Error) => this.log.warn(`signal ${signal.name} to delivery ${id} failed: ${err.name}: ${err.message}`)),
        ),
      );
    }
  }

  temporalUrl(deliveryId: string): string {
    const { uiUrl, namespace } = this.config.temporal;
    return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowIdFor(deliveryId))}`;
  }
}
