import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AttemptTimings } from '../../activities/post.js';
import type { WireHeader } from '../../activities/wire-capture.js';

export type AttemptErrorType = 'timeout' | 'connection' | 'dns' | 'tls' | 'blocked' | 'redirect' | 'auth' | 'transform' | 'internal';

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

  /** The first RESPONSE_BODY_LIMIT bytes (4 KiB by default) of the receiver's answer. */
  @Column({ type: 'text', nullable: true })
  responseBody!: string | null;

  /** The headers as written on the wire, in order, credentials masked; null when nothing was sent. */
  @Column({ type: 'jsonb', nullable: true })
  requestHeaders!: WireHeader[] | null;

  @Column({ type: 'jsonb', nullable: true })
  responseHeaders!: Record<string, string | string[]> | null;

  @Column({ type: 'jsonb', nullable: true })
  timings!: AttemptTimings | null;

  /** The IP address the request went to. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  remoteAddress!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  errorType!: AttemptErrorType | null;

  @Column({ type: 'text', nullable: true })
  errorMessage!: string | null;
}
