import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryFilters } from '../policy/delivery-filters.js';

export type ReplayStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** A replay: redeliveries of every delivery the filters name, written in batches by its workflow, resumable. */
@Entity('replays')
@Index(['tenantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index(['tenantId', 'id'])
export class Replay {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;

  /** As the client sent them. */
  @Column({ type: 'jsonb' })
  filters!: DeliveryFilters;

  /** Only deliveries created before this (the request's `until`, or its own time): never its own redeliveries. */
  @Column({ type: 'timestamptz' })
  createdBefore!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: ReplayStatus;

  /** Deliveries the filters named when the replay was made. */
  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'int', default: 0 })
  sent!: number;

  /** Named but not sent again: already resent (a redelivery under way or succeeded), the event purged, or the subscription deleted. */
  @Column({ type: 'int', default: 0 })
  skipped!: number;

  /** The last delivery done (ids grow with time): where a resumed run goes on. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  cursor!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
