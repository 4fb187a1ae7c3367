import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Keys are stored only as SHA-256 hashes; the clear key is shown once, when created. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
