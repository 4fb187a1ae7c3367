// B-temporal's workflow: the same shape as a delivery (one local activity, eager start), doing nothing.
import { proxyLocalActivities } from '@temporalio/workflow';

const { noop } = proxyLocalActivities<{ noop(startedAt: number): Promise<void> }>({ startToCloseTimeout: '10s' });

export async function bare(startedAt: number): Promise<void> {
  await noop(startedAt);
}
