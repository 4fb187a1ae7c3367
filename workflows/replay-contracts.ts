// The seam of replays: workflow type and id, input and activity. Imported by the workflow bundle.

export const REPLAY_WORKFLOW_TYPE = 'replay';
export const replayWorkflowId = (replayId: string) => `replay-${replayId}`;

export interface ReplayInput {
  replayId: string;
}

export interface ReplayBatchResult {
  /** Nothing is left to replay (or the replay is gone). */
  done: boolean;
  sent: number;
  skipped: number;
  /** How long to wait before the next batch: the pace of the slowest rate limit among its subscriptions. */
  pauseMs: number;
}

export interface ReplayActivities {
  replayBatch(input: ReplayInput): Promise<ReplayBatchResult>;
}
