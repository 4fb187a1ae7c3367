// B-temporal's workflow: the same shape as a delivery (one local activity, eager start), doing nothing.
import { patched, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import { searchAttributes } from '../workflows/contracts.js';

const { noop } = proxyLocalActivities<{ noop(startedAt: number): Promise<void> }>({ startToCloseTimeout: '10s' });

export async function bare(startedAt: number): Promise<void> {
  await noop(startedAt);
}

/** The bare workflow plus what a delivery adds for the Temporal UI: its `DeliveryStatus` upsert on completion. */
export async function bareWithStatus(startedAt: number): Promise<void> {
  await noop(startedAt);
  upsertSearchAttributes([{ key: searchAttributes.deliveryStatus, value: 'delivered' }]);
}

/** The bare workflow plus a patch marker on completion: what a `patched()` check costs a new run. */
export async function bareWithPatch(startedAt: number): Promise<void> {
  await noop(startedAt);
  patched('bench-marker');
}
