// SQLSTATE classes that say "the database could not be reached or could not serve now", not "this is wrong":
// connection exceptions (08), admin/crash shutdown and cannot-connect-now (57P01-57P03), too many connections,
// out of resources (53), and the two that Postgres asks callers to retry (serialization failure, deadlock).
const TRANSIENT_SQLSTATE = /^(08...|57P0[1-3]|53...|40001|40P01)$/;
const TRANSIENT_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|is not currently accepting connections/i;

/** Whether an error means Postgres is unreachable or busy for now (worth retrying), not that the work is wrong. */
export function isTransientDatabaseError(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown; message?: unknown }; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = String(e.driverError?.code ?? e.code ?? '');
  if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SOCKET.has(code)) return true;
  return TRANSIENT_MESSAGE.test(String(e.message ?? '')) || TRANSIENT_MESSAGE.test(String(e.driverError?.message ?? ''));
}
