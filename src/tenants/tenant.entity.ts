import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('tenants')
export class Tenant {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** Bumped by a trigger on every change to the tenant's catalog or routing (see the ChangeFeedTriggers migration). */
  @Column({ type: 'bigint', default: 0 })
  routingVersion!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
