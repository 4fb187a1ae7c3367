import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { ReplayActivities, ReplayInput } from './replay-contracts.js';

const { replayBatch } = proxyActivities<ReplayActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '1 minute' },
});

/** Batches one run makes before it continues as new, so a replay of any size keeps a short history. */
const BATCHES_PER_RUN = 200;

/**
 * One replay (POST /v1/replays): batch after batch of redeliveries, paced, until the filters name no more. Each
 * batch and its progress commit together in Postgres, so a crash anywhere resumes where it stopped.
 */
export async function replay(input: ReplayInput): Promise<void> {
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    const result = await replayBatch(input);
    if (result.done) return;
    if (result.pauseMs > 0) await sleep(result.pauseMs);
  }
  await continueAsNew<typeof replay>(input);
}
