/** Seconds a client is told to wait (`Retry-After`) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs that mean "the database connection is gone or cannot be had", not "this request is wrong":
 * class 08 (connection exception) and the operator-intervention codes for a terminated or refused session.
 */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command (pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down
  '53300', // too_many_connections
]);

/** Node socket errors on the way to the database. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What node-postgres and its pool say when a connection is lost, refused or not to be had in time. */
const CONNECTION_MESSAGES = [
  /connection terminated/i, // "Connection terminated unexpectedly", "... due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool connectionTimeoutMillis
  /client has encountered a connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /is not currently accepting connections/i, // ALTER DATABASE ... ALLOW_CONNECTIONS false (SQLSTATE 55000)
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means the database is unreachable (down, restarting, refusing connections, connection cut),
 * as opposed to a bad query or bad data. Looks through TypeORM's `driverError`, `cause` and the `errors` of an
 * AggregateError (a refused connection to a host with several addresses). Pure: no I/O, safe on any thrown value.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined) {
    if (/^08[0-9A-Z]{3}$/.test(code) || CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (message && CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
  if (isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Postgres asks callers to retry these: a serialization failure or a deadlock. */
const RETRY_SQLSTATES = new Set(['40001', '40P01']);

/** Whether work that failed with this error is worth trying again as it is: the database will get over it. */
export function isTransientDatabaseError(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return true;
  const e = err as ErrorLike | null;
  const codes = [e?.code, (e?.driverError as ErrorLike | undefined)?.code];
  return codes.some((c) => typeof c === 'string' && RETRY_SQLSTATES.has(c));
}
