import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AttemptErrorType = 'timeout' | 'connection' | 'dns' | 'tls' | 'blocked' | 'redirect' | 'internal';

@Entity('attempts')
@Index(['deliveryId', 'number'], { unique: true })
// The retention purge walks the response bodies it has not purged yet, oldest first.
@Index(['startedAt'], { where: 'response_body IS NOT NULL' })
export class Attempt {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  deliveryId!: string;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'int' })
  durationMs!: number;

  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  /** The first 4 KiB of the receiver's answer. */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  errorType!: AttemptErrorType | null;

  @Column({ type: 'text', nullable: true })
  errorMessage!: string | null;
}
