// The seam of the retention purge: its workflow type, input and activity. Imported by the workflow bundle.

export const PURGE_WORKFLOW_TYPE = 'purgeExpiredData';

export interface PurgeInput {
  /** Payloads and response bodies older than this many days are purged. */
  retentionDays: number;
  /**
   * Ended events older than this many days are deleted with their deliveries and attempts; absent or null (and in
   * runs scheduled before it existed): kept forever.
   */
  metadataRetentionDays?: number | null;
}

export interface PurgeCounts {
  events: number;
  responseBodies: number;
  /** Metadata retention: rows deleted (absent from the results of runs before it existed). */
  eventsDeleted?: number;
  deliveriesDeleted?: number;
  attemptsDeleted?: number;
}

export interface PurgeRound extends PurgeCounts {
  /** The round stopped at its time bound with work left: the workflow runs another. */
  more: boolean;
}

export interface RetentionActivities {
  purgeExpired(input: PurgeInput): Promise<PurgeRound>;
}
