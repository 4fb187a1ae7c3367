// The two ways an attempt could run, doing nothing else: a local activity (today's attempt) or a regular one.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

type Noop = { noop(): Promise<void> };
const local = proxyLocalActivities<Noop>({ startToCloseTimeout: '10s' });
const regular = proxyActivities<Noop>({ startToCloseTimeout: '10s' });

export async function viaLocal(): Promise<void> {
  await local.noop();
}

export async function viaRegular(): Promise<void> {
  await regular.noop();
}
