import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { END_STATES } from '../policy/delivery-states.js';

export type DeliveryKind = 'event' | 'ping' | 'test' | 'redelivery';
export type DeliveryStatus = 'scheduled' | 'held' | 'sending' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';
@Entity('deliveries')
@Index(['subscriptionId', 'id'])
@Index(['eventId'])
@Index(['tenantId', 'id'])
/** The search and replays by status or by event type, newest first: a rare one is found without walking the rest. */
@Index('idx_deliveries_tenant_status', ['tenantId', 'status', 'id'])
@Index('idx_deliveries_tenant_event_type', ['tenantId', 'eventType', 'id'])
/** The sweeper's work list: deliveries whose workflow start was not confirmed. */
@Index('idx_deliveries_undispatched', ['createdAt'], { where: 'dispatched = false' })
/** Resume's work list: what a paused subscription holds, oldest first. */
@Index('idx_deliveries_held', ['subscriptionId', 'id'], { where: "status = 'held'" })
/** The deliveries that hold their FIFO line (see src/database/delivery-store/lines.ts), in line order. */
@Index('idx_deliveries_line_holders', ['subscriptionId', 'orderingKey', 'linePosition'], {
  where: `line_position IS NOT NULL AND (status NOT IN (${END_STATES.map((s) => `'${s}'`).join(', ')}) OR in_flight_until IS NOT NULL)`,
})
/** The attempts in flight to a subscription, counted against its `maxConcurrency`. */
@Index('idx_deliveries_sending', ['subscriptionId'], { where: "status = 'sending'" })
/** A subscription's rate queue: the deliveries still waiting for their slots (see activities/flow-control.ts). */
@Index('idx_deliveries_rate_queue', ['subscriptionId', 'nextAttemptAt'], {
  where: "waiting_for = 'rate' AND status IN ('scheduled', 'retrying')",
})
/** A subscription's deliveries waiting for a limit (rate, concurrency, throttle), woken when it frees up or changes. */
@Index('idx_deliveries_waiting', ['subscriptionId', 'id'], { where: 'waiting_for IS NOT NULL' })
/** The redeliveries of a delivery: a replay or recover skips one already resent (under way or succeeded). */
@Index('idx_deliveries_redelivery_of', ['redeliveryOf'], { where: 'redelivery_of IS NOT NULL' })
/** The reconciler's look at quiet deliveries (src/dispatch/reconciler-queries.ts): unfinished rows only. */
@Index('idx_deliveries_quiet', ['updatedAt', 'id'], { where: "status IN ('scheduled', 'sending') AND dispatched" })
/** A subscription's unfinished deliveries: what its delete cancels, what its closing circuit wakes. */
@Index('idx_deliveries_unfinished', ['subscriptionId', 'id'], {
  where: `status NOT IN (${END_STATES.map((s) => `'${s}'`).join(', ')})`,
})
/** The reconciler's look at overdue retries. */
@Index('idx_deliveries_retry_due', ['nextAttemptAt', 'id'], { where: "status = 'retrying' AND dispatched" })
/** The oldest delivery still waiting for its first attempt, for /metrics (src/health/delivery-lag-metrics.ts). */
@Index('idx_deliveries_first_attempt_due', ['createdAt'], { where: "attempt_count = 0 AND status IN ('scheduled', 'sending')" })
/** The oldest delivery retrying, for /metrics. */
@Index('idx_deliveries_retrying', ['createdAt'], { where: "status = 'retrying'" })
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

  /**
   * The delivery this one waits for: the one before it in its line when written, later the nearest earlier one
   * that still holds the line when it last looked (see src/database/delivery-store/lines.ts).
   */
  @Column({ type: 'varchar', length: 40, nullable: true })
  predecessorId!: string | null;

  /** Its place in its FIFO line (bigint, as text): it goes only when no earlier place holds the line. */
  @Column({ type: 'bigint', nullable: true })
  linePosition!: string | null;

  /**
   * An attempt is in flight until then at the latest (its lease): set when the attempt is marked `sending`,
   * cleared when its outcome is written. A cancel meanwhile ends the delivery, but it holds its line until then.
   */
  @Column({ type: 'timestamptz', nullable: true })
  inFlightUntil!: Date | null;

  /** A redelivery: the delivery it sends again (null for other kinds, and for redeliveries made before this was kept). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  redeliveryOf!: string | null;

  /** Why a delivery due now is not attempted (a DeferredBy of workflows/contracts.ts); null once it goes. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  waitingFor!: string | null;

  /** Why it was cancelled, when a person's choice says more than `cancelled`: `skipped` (its FIFO line's head, skipped). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  cancelReason!: 'skipped' | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
