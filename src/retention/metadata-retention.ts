import type { Queryable } from '../database/queryable.js';
import { deleteExpiredRows } from '../database/delivery-store/index.js';

/** Events one metadata batch looks at: its statement stays short beside live traffic, whatever the tables hold. */
export const METADATA_BATCH = 1000;

/** Rows the metadata retention deleted, by table. */
export interface DeletedRows {
  eventsDeleted: number;
  deliveriesDeleted: number;
  attemptsDeleted: number;
}

/**
 * A walk of the metadata retention, oldest event first by id: each step deletes one batch (see the delivery
 * store's expired-rows.ts) and moves the cursor past what it looked at, so the events kept (a delivery not ended,
 * or ended recently) are read once per walk, never again by the same walk. `done` once the walk reached the cutoff.
 */
export class MetadataRetentionWalk {
  private cursor: string | null = null;
  done = false;

  constructor(
    private readonly db: Queryable,
    private readonly cutoff: Date,
    private readonly limit = METADATA_BATCH,
  ) {}

  async step(): Promise<DeletedRows> {
    if (this.done) return { eventsDeleted: 0, deliveriesDeleted: 0, attemptsDeleted: 0 };
    const batch = await deleteExpiredRows(this.db, this.cutoff, this.cursor, this.limit);
    this.cursor = batch.cursor ?? this.cursor;
    this.done = batch.scanned < this.limit;
    return { eventsDeleted: batch.events, deliveriesDeleted: batch.deliveries, attemptsDeleted: batch.attempts };
  }
}
