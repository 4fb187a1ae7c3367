import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Scope } from '../policy/scopes.js';

/** Keys are stored only as SHA-256 hashes; the clear key is shown once, when created. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** Null: an operator key (made with ADMIN_API_KEY), which belongs to no tenant and acts for any. */
  @Index()
  @Column({ type: 'varchar', length: 40, nullable: true })
  tenantId!: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  /** Null: every tenant scope (keys made without scopes, and every key made before scopes existed). */
  @Column({ type: 'varchar', length: 16, array: true, nullable: true })
  scopes!: Scope[] | null;

  /** From this instant on the key is refused like an unknown one. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /**
   * The key that made it (`admin`: ADMIN_API_KEY); null for a tenant's bootstrap key and keys made before this was
   * kept. Revoking an operator key revokes every key made under it (see ApiKeysService.revoke).
   */
  @Column({ type: 'varchar', length: 40, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
