import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AttemptErrorType } from '../policy/outcome.js';

/** How long the connection of an attempt took to open, in ms; null where the step did not happen (an IP needs no DNS). */
export interface ConnectionTimings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
}

/** One header line as written, in order (repeats stay apart), as HAR has it. */
export interface WireHeader {
  name: string;
  value: string;
}

/** Where an attempt's time went, in ms from its start; the connection's steps are null on a kept-alive one. */
export interface AttemptTimings extends ConnectionTimings {
  reusedConnection: boolean;
  /** Until the answer's status line and headers arrived. */
  firstByteMs: number | null;
  totalMs: number;
}

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
