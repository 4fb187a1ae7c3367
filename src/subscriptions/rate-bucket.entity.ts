import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One subscription's rate limit bucket (GCRA, see src/policy/flow-limits.ts): the moment it would be full
 * again, and the queue of attempts waiting for it.
 * Kept apart from `subscriptions` so that the row every rate-limited attempt updates is not the one every attempt
 * reads. UNLOGGED (see the SubscriptionFlowLimits migration; TypeORM cannot say so here): after a crash it starts
 * empty, which gives each subscription one full bucket.
 */
@Entity('rate_buckets')
export class RateBucket {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  subscriptionId!: string;

  @Column({ type: 'timestamptz' })
  fullAt!: Date;

  /** The next free slot for an attempt that has to wait; null: none waited yet. */
  @Column({ type: 'timestamptz', nullable: true })
  queueAt!: Date | null;

  /** Whether the latest take let its attempt go (read back by the statement that took). */
  @Column({ type: 'boolean', default: true })
  taken!: boolean;
}
