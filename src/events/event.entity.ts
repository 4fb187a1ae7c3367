import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('events')
@Index(['tenantId', 'id'])
/** The event list by type, newest first. */
@Index('idx_events_tenant_type', ['tenantId', 'type', 'id'])
@Index(['tenantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
// The retention purge walks what it has not purged yet, oldest first.
@Index(['createdAt'], { where: 'purged_at IS NULL' })
export class Event {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  /**
   * `data` as the exact JSON text received, byte for byte (key order, number spelling, whitespace): what receivers
   * get and the API shows; `{}` once purged. Null only on rows written before it existed (see legacyData).
   */
  @Column({ type: 'text', nullable: true })
  dataText!: string | null;

  /**
   * `data` of rows written before dataText, as jsonb (keys reordered, numbers normalised): read when dataText is
   * null (see eventDataText). New rows leave it null; a purge empties it.
   */
  @Column({ name: 'data', type: 'jsonb', nullable: true })
  legacyData!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When its payload was purged (retention, or DELETE /v1/events/:id); its data is then `{}` and shown as null. */
  @Column({ type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;

  /** The W3C `traceparent` of the request that accepted it (tracing on): its deliveries' traces start there. */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceParent!: string | null;
}
