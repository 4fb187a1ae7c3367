import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('events')
@Index(['tenantId', 'id'])
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

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When its payload was purged (retention, or DELETE /v1/events/:id); `data` is then `{}` and shown as null. */
  @Column({ type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;

  /** The W3C `traceparent` of the request that accepted it (tracing on): its deliveries' traces start there. */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceParent!: string | null;
}
