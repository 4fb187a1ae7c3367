import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('tenants')
export class Tenant {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** The operator's own id for this tenant (set at creation), accepted in `Hookrelay-Tenant` like the `ten_` id. */
  @Column({ type: 'varchar', length: 100, nullable: true, unique: true })
  externalId!: string | null;

  /** Bumped by a trigger on every change to the tenant's catalog or routing (see the ChangeFeedTriggers migration). */
  @Column({ type: 'bigint', default: 0 })
  routingVersion!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The tenant's own ingest quota (admin API); null: TENANT_EVENTS_PER_SECOND. 0: unlimited. */
  @Column({ type: 'integer', nullable: true })
  eventsPerSecond!: number | null;

  /** Null: derived from the rate (twice it, at least one full batch). */
  @Column({ type: 'integer', nullable: true })
  eventsBurst!: number | null;
}
