import type { FifoOnFailure, Ordering } from '../policy/ordering.js';
import type { PayloadFormat } from '../policy/payload.js';
import type { SignatureScheme } from '../policy/signing.js';
import type { StoredClientTls } from '../policy/client-certificate.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';
/** OAuth2 client credentials (RFC 6749 4.4): the worker fetches a token from `tokenUrl` and sends it as a bearer. */
export type OAuth2Auth = { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string; audience?: string };
export type SubscriptionAuth = { type: 'basic'; username: string; password: string } | { type: 'bearer'; token: string } | OAuth2Auth;

@Entity('subscriptions')
@Index(['tenantId', 'id'], { where: 'deleted_at IS NULL' })
export class Subscription {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  tenantId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Exact types, `*`, or prefix patterns such as `job.*`. */
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'jsonb', nullable: true })
  filter!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SubscriptionStatus;

  @Column({ type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'jsonb', default: {} })
  headers!: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  auth!: SubscriptionAuth | null;

  @Column({ type: 'varchar', length: 32, default: 'standard-webhooks' })
  signatureScheme!: SignatureScheme;

  @Column({ type: 'varchar', length: 100, nullable: true })
  signatureHeader!: string | null;

  /** Legacy HMAC schemes: sign `{timestamp}.{body}` and send `x-webhook-timestamp` (opt-in, against replays). */
  @Column({ type: 'boolean', default: false })
  signatureTimestamped!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'envelope' })
  payloadFormat!: PayloadFormat;

  @Column({ type: 'int', array: true })
  retrySchedule!: number[];

  @Column({ type: 'int', default: 15000 })
  timeoutMs!: number;

  /** `fifo`: a delivery goes only after the previous one of its line ended (see src/policy/ordering.ts). */
  @Column({ type: 'varchar', length: 8, default: 'none' })
  ordering!: Ordering;

  /** With `fifo`: the JSON pointer into the event data whose value names the line; null: one line. */
  @Column({ type: 'text', nullable: true })
  orderingKey!: string | null;

  /** With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person (`block`). */
  @Column({ type: 'varchar', length: 8, default: 'skip' })
  fifoOnFailure!: FifoOnFailure;

  /** The rate limit (see src/policy/flow-limits.ts): attempts per second, and how many may go at once; null: none. */
  @Column({ type: 'double precision', nullable: true })
  ratePerSecond!: number | null;

  @Column({ type: 'int', nullable: true })
  rateBurst!: number | null;

  /** Attempts in flight at once, across all workers; null: no limit. */
  @Column({ type: 'int', nullable: true })
  maxConcurrency!: number | null;

  /** Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace. */
  @Column({ type: 'boolean', default: false })
  traceContext!: boolean;

  /** A JSONata expression whose result is the body sent (see src/policy/transform.ts); null: none. */
  @Column({ type: 'text', nullable: true })
  transform!: string | null;

  /** Mutual TLS: the client certificate presented to the receiver, its private key sealed; null: none. */
  @Column({ type: 'jsonb', nullable: true })
  clientTls!: StoredClientTls | null;

  /** Sealed: `whsec_` (HMAC schemes) or the `whsk_` signing key (ed25519). */
  @Column({ type: 'text' })
  secret!: string;

  /** ed25519 only: the `whpk_` key receivers verify with (public, so not sealed). */
  @Column({ type: 'text', nullable: true })
  publicKey!: string | null;

  /** ed25519 during a rotation grace: the key the previous signing key's signatures verify with. */
  @Column({ type: 'text', nullable: true })
  previousPublicKey!: string | null;

  /** Still signed with during a rotation grace, until `previousSecretExpiresAt`. */
  @Column({ type: 'text', nullable: true })
  previousSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  /** The first failed attempt since the last success; drives auto-disable after DISABLE_AFTER_HOURS. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /** Failed attempts in a row, across all of its deliveries; a success resets it. */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures!: number;

  /** The circuit breaker: while in the future, no attempts are made; once passed, one probe attempt may go. */
  @Column({ type: 'timestamptz', nullable: true })
  circuitOpenUntil!: Date | null;

  /** How many times in a row the circuit opened; each failed probe doubles the next cooldown. */
  @Column({ type: 'int', default: 0 })
  circuitTrips!: number;

  /** The receiver answered 429 or 503: no attempt of this subscription goes before this moment. */
  @Column({ type: 'timestamptz', nullable: true })
  throttledUntil!: Date | null;

  /** Throttles since the last success; each one without `Retry-After` pauses twice as long. */
  @Column({ type: 'int', default: 0 })
  throttleStrikes!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Deleted subscriptions stay so that their delivery history keeps its subject. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/** A subscription's health record reset: on resume (the operator says go) and when its URL changes. */
export const CLEAN_HEALTH: Pick<
  Subscription,
  'failingSince' | 'consecutiveFailures' | 'circuitOpenUntil' | 'circuitTrips' | 'throttledUntil' | 'throttleStrikes'
> = {
  failingSince: null,
  consecutiveFailures: 0,
  circuitOpenUntil: null,
  circuitTrips: 0,
  throttledUntil: null,
  throttleStrikes: 0,
};
