import type { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import type { CircuitPolicy } from '../src/policy/circuit-breaker.js';
import type { AttemptSlots } from './attempt-slots.js';
import type { ClientTlsAgents } from './client-tls.js';
import type { OAuth2Tokens } from './oauth2-tokens.js';
import type { KeyedTurns } from '../src/common/keyed-turns.js';
import type { DeliveryDispatch } from '../src/dispatch/workflow-dispatch.js';
import type { NetworkPolicy } from '../src/policy/network-policy.js';
import type { SecretBox } from '../src/secrets/secret-box.js';
import type { DeferredBy } from '../workflows/contracts.js';
import type { LogLine } from '../src/common/log-line.js';

export interface ActivityLog {
  log(line: LogLine): void;
  warn(line: LogLine): void;
}

/** Everything the activities use, handed to createActivities by the worker: nothing in activities/ finds its own. */
export interface ActivityDeps {
  db: DataSource;
  http: Dispatcher;
  /** Pools of the subscriptions that present a client certificate (mutual TLS); absent: `http` for all. */
  clientTls?: ClientTlsAgents;
  /** OAuth2 client-credentials tokens of this worker, per subscription. */
  oauth2: OAuth2Tokens;
  box: SecretBox;
  policy: NetworkPolicy;
  circuit: CircuitPolicy;
  disableAfterHours: number;
  /** Bytes of each answer kept (RESPONSE_BODY_LIMIT). */
  responseBodyLimit: number;
  /** What activities may do to other delivery workflows (start, signal): given by the worker, see src/dispatch/. */
  dispatch: DeliveryDispatch;
  /** This worker's attempts in flight, shared out between tenants and subscriptions. */
  slots: AttemptSlots;
  /** Failure outcomes (which lock their subscription's row) one at a time per subscription in this worker. */
  healthWrites: KeyedTurns;
  log: ActivityLog;
  onAttempt?: (outcome: AttemptObserved) => void;
  /** A purge round ended without an error (the on-call's "purge last success"). */
  onPurged?: () => void;
  /** Rows the metadata retention deleted in one batch, by table (counted in /metrics). */
  onRowsDeleted?: (deleted: { eventsDeleted: number; deliveriesDeleted: number; attemptsDeleted: number }) => void;
  onDeferred?: (reason: DeferredBy) => void;
}

/** What /metrics learns of one attempt made (or given up inside the service). */
export interface AttemptObserved {
  status: string;
  statusCode: number | null;
  durationMs: number;
  errorType: string | null;
  /** The first attempt only: from the delivery's creation (its event accepted, or its redelivery made) to the request. */
  firstAttemptLatencyMs?: number;
}
