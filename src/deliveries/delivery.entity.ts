import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type DeliveryKind = 'event' | 'ping' | 'test' | 'redelivery';
export type DeliveryStatus = 'scheduled' | 'held' | 'sending' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';
@Entity('deliveries')
@Index(['subscriptionId', 'id'])
@Index(['eventId'])
@Index(['tenantId', 'id'])
/** The sweeper's work list: deliveries whose workflow start was not confirmed. */
@Index('idx_deliveries_undispatched', ['createdAt'], { where: 'dispatched = false' })
/** Resume's work list: what a paused subscription holds, oldest first. */
@Index('idx_deliveries_held', ['subscriptionId', 'id'], { where: "status = 'held'" })
/** A FIFO line's next delivery, found when its predecessor ends. */
@Index('idx_deliveries_predecessor', ['predecessorId'], { where: 'predecessor_id IS NOT NULL' })
/** The attempts in flight to a subscription, counted against its `maxConcurrency`. */
@Index('idx_deliveries_sending', ['subscriptionId'], { where: "status = 'sending'" })
/** A subscription's deliveries waiting for a limit (rate, concurrency, throttle), woken when it frees up or changes. */
@Index('idx_deliveries_waiting', ['subscriptionId', 'id'], { where: 'waiting_for IS NOT NULL' })
/** The redeliveries of a delivery: a replay or recover skips one already resent (under way or succeeded). */
@Index('idx_deliveries_redelivery_of', ['redeliveryOf'], { where: 'redelivery_of IS NOT NULL' })
export class Delivery {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 40 })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  subscriptionId!: string;

  @Column({ type: 'varchar', length: 100 })
  eventType!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeliveryKind;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attemptCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'boolean', default: false })
  dispatched!: boolean;

  /** The FIFO line this delivery is in (see src/policy/ordering.ts); null when its subscription is unordered. */
  @Column({ type: 'text', nullable: true })
  orderingKey!: string | null;

  /** The delivery before this one in its line: this one is sent only once that one ended. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  predecessorId!: string | null;

  /** A redelivery: the delivery it sends again (null for other kinds, and for redeliveries made before this was kept). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  redeliveryOf!: string | null;

  /** Why a delivery due now is not attempted (a DeferredBy of workflows/contracts.ts); null once it goes. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  waitingFor!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
