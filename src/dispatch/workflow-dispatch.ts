import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { withTraceParent } from '../telemetry/trace-parent.js';
import type { DispatchItem } from '../database/delivery-store/index.js';
import { DELIVER_WORKFLOW_TYPE, searchAttributes, workflowIdFor, type DeliverInput } from '../../workflows/contracts.js';
import type { LogLine } from '../common/log-line.js';

export interface DispatchOptions {
  taskQueue: string;
  /** Eager start: only when a worker shares this process's connection. */
  eager: boolean;
}

/**
 * How a delivery's workflow is started: id from the delivery id, searchable by tenant, subscription and type,
 * and the tenant as its fairness key, so that a server with task-queue fairness serves tenants in turn (its
 * workflow tasks, and its activities, which inherit the key).
 */
export function startOptions(opts: DispatchOptions, item: DispatchItem) {
  const input: DeliverInput = {
    deliveryId: item.id,
    ...(item.status === 'held' && { held: true }),
    ...(item.firstAttempt !== undefined && item.firstAttempt > 1 && { firstAttempt: item.firstAttempt }),
  };
  return {
    taskQueue: opts.taskQueue,
    workflowId: workflowIdFor(item.id),
    args: [input] as [DeliverInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    typedSearchAttributes: [
      { key: searchAttributes.tenantId, value: item.tenantId },
      { key: searchAttributes.subscriptionId, value: item.subscriptionId },
      { key: searchAttributes.eventType, value: item.eventType },
      { key: searchAttributes.deliveryStatus, value: item.status },
    ],
    staticSummary: `${item.eventType} to ${item.targetHost ?? item.subscriptionId}`,
    staticDetails: `subscription ${item.subscriptionId}`,
    priority: { fairnessKey: item.tenantId },
  };
}

/**
 * Starts one delivery workflow; the id comes from the delivery id, so a repeated start is a no-op, whether the
 * workflow is still running (USE_EXISTING) or already closed (REJECT_DUPLICATE).
 */
export async function startDeliveryWorkflow(client: Client, opts: DispatchOptions, item: DispatchItem): Promise<void> {
  try {
    await withTraceParent(item.traceParent, () =>
      client.workflow.start(DELIVER_WORKFLOW_TYPE, {
        ...startOptions(opts, item),
        workflowIdConflictPolicy: 'USE_EXISTING',
        requestEagerStart: opts.eager,
      }),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * Wakes a held delivery: signals its workflow, starting it first if this or another process has not started it
 * yet (its start may still be queued behind a backlog, or lost). Resolves once the workflow exists.
 */
export async function releaseDeliveryWorkflow(
  client: Client,
  opts: DispatchOptions,
  item: DispatchItem,
  signal: SignalDefinition<[], string>,
): Promise<void> {
  await withTraceParent(item.traceParent, () =>
    client.workflow.signalWithStart(DELIVER_WORKFLOW_TYPE, { ...startOptions(opts, item), signal }),
  );
}

/**
 * Starts a new run for a delivery whose workflow closed (terminated by an operator, timed out) while its row
 * says it is unfinished; a run still open is left as it is.
 */
export async function restartDeliveryWorkflow(client: Client, opts: DispatchOptions, item: DispatchItem): Promise<void> {
  await client.workflow.start(DELIVER_WORKFLOW_TYPE, {
    ...startOptions(opts, item),
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** Starts many; returns the ids started. Failures are left to the sweeper: the rows are durable. */
export async function startDeliveryWorkflows(
  client: Client,
  opts: DispatchOptions,
  items: DispatchItem[],
): Promise<{ started: string[]; firstError: Error | null }> {
  const results = await Promise.allSettled(items.map((item) => startDeliveryWorkflow(client, opts, item)));
  const started = items.filter((_, i) => results[i].status === 'fulfilled').map((item) => item.id);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { started, firstError: failure ? (failure.reason as Error) : null };
}

/** What the worker's activities may do to other delivery workflows: start deliveries, signal them. */
export interface DeliveryDispatch {
  /** Starts delivery workflows; a failed start is left to the sweeper (the rows are committed). */
  start(deliveries: DispatchItem[]): Promise<void>;
  /** Signals delivery workflows, oldest first, a bounded number at a time; failures are logged and skipped. */
  signal(deliveryIds: string[], signal: SignalDefinition<[], string>): Promise<void>;
}

/** The worker's dispatch (operational events, wake-ups): eager starts, since a worker shares the connection. */
export function workerDispatch(client: Client, taskQueue: string, log: { warn(line: LogLine): void }): DeliveryDispatch {
  const opts: DispatchOptions = { taskQueue, eager: true };
  return {
    start: async (deliveries) => {
      const { firstError } = await startDeliveryWorkflows(client, opts, deliveries);
      if (firstError) log.warn(`starting operational deliveries failed, the sweeper will retry: ${firstError.message}`);
    },
    signal: (ids, signal) =>
      signalDeliveries(client, ids, signal, (id, err) => log.warn({ msg: `signal ${signal.name} failed: ${err.message}`, deliveryId: id })),
  };
}

const SIGNALS_IN_FLIGHT = 32;

/** Runs `fn` over the items in the order given, a bounded number at a time, so a big release cannot flood Temporal. */
export async function inOrderBounded<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += SIGNALS_IN_FLIGHT) await Promise.all(items.slice(i, i + SIGNALS_IN_FLIGHT).map(fn));
}

/**
 * Signals delivery workflows in the order given; a failed signal is reported and skipped (the sweeper or the
 * workflow's own timer covers it). A workflow not started yet needs no signal: it reads the state when it starts.
 */
export function signalDeliveries(
  client: Client,
  deliveryIds: string[],
  signal: SignalDefinition<[], string>,
  onError: (deliveryId: string, err: Error) => void,
): Promise<void> {
  return inOrderBounded(deliveryIds, (id) =>
    client.workflow
      .getHandle(workflowIdFor(id))
      .signal(signal)
      .catch((err: Error) => {
        if (!(err instanceof WorkflowNotFoundError)) onError(id, err);
      }),
  );
}
