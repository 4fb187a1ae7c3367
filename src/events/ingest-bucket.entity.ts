import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One tenant's ingest quota bucket (GCRA, see src/policy/ingest-quota-arithmetic.ts): the moment it is full again. Kept apart
 * from `tenants` so that the row every ingest request updates is not the one every request's key lookup reads.
 * The table is UNLOGGED (see the IngestQuota migration; TypeORM cannot say so here): after a crash it starts empty.
 */
@Entity('ingest_buckets')
export class IngestBucket {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Column({ type: 'timestamptz' })
  fullAt!: Date;
}
