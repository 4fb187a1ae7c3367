import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { DELIVER_WORKFLOW_TYPE, searchAttributes, workflowIdFor, type DeliverInput } from '../../workflows/contracts.js';

export interface DispatchItem {
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventType: string;
  status: string;
  /** For the workflow's summary in the Temporal UI. */
  targetHost?: string | null;
}

export interface StarterOptions {
  taskQueue: string;
  /** Eager start: only when a worker shares this process's connection. */
  eager: boolean;
}

/**
 * Starts one delivery workflow; the id comes from the delivery id, so a repeated start is a no-op, whether the
 * workflow is still running (USE_EXISTING) or already closed (REJECT_DUPLICATE).
 */
export async function startDeliveryWorkflow(client: Client, opts: StarterOptions, item: DispatchItem): Promise<void> {
  const input: DeliverInput = item.status === 'held' ? { deliveryId: item.id, held: true } : { deliveryId: item.id };
  try {
    await client.workflow.start(DELIVER_WORKFLOW_TYPE, {
      taskQueue: opts.taskQueue,
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
      staticSummary: `${item.eventType} to ${item.targetHost ?? item.subscriptionId}`,
      staticDetails: `subscription ${item.subscriptionId}`,
      requestEagerStart: opts.eager,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** Starts many; returns the ids started. Failures are left to the sweeper: the rows are durable. */
export async function startDeliveryWorkflows(
  client: Client,
  opts: StarterOptions,
  items: DispatchItem[],
): Promise<{ started: string[]; firstError: Error | null }> {
  const results = await Promise.allSettled(items.map((item) => startDeliveryWorkflow(client, opts, item)));
  const started = items.filter((_, i) => results[i]!.status === 'fulfilled').map((item) => item.id);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { started, firstError: failure ? (failure.reason as Error) : null };
}

const SIGNALS_IN_FLIGHT = 32;

/**
 * Signals delivery workflows in the order given, a bounded number at a time so a big release cannot flood
 * Temporal; a failed signal is reported and skipped (the sweeper or the workflow's own timer covers it).
 */
export async function signalDeliveries(
  client: Client,
  deliveryIds: string[],
  signal: SignalDefinition<[], string>,
  onError: (deliveryId: string, err: Error) => void,
): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += SIGNALS_IN_FLIGHT) {
    await Promise.all(
      deliveryIds.slice(i, i + SIGNALS_IN_FLIGHT).map((id) =>
        client.workflow.getHandle(workflowIdFor(id)).signal(signal).catch((err: Error) => onError(id, err)),
      ),
    );
  }
}
