// An attempt marked `sending` holds its row for its timeout plus a margin (its lease): another run of the same
// attempt within that time leaves the row alone, and the row holds its FIFO line until the lease is over.

/** How long past its timeout an attempt in flight keeps its row from another run of the same attempt. */
const LEASE_MARGIN_SECONDS = 10;

/**
 * SQL: the delivery row (alias `row`) is held by a run of its attempt still within its time, `timeoutMs` the
 * SQL expression of the subscription's timeout. The read's mark and the later claim judge it the same way.
 */
export const heldByAnotherRun = (row: string, timeoutMs: string) =>
  `(${row}.status = 'sending' AND ${row}.updated_at > now() - make_interval(secs => ${timeoutMs} / 1000.0 + ${LEASE_MARGIN_SECONDS}))`;

/** SQL: when an attempt marked `sending` now is over at the latest (its lease), `timeoutMs` as for heldByAnotherRun. */
export const inFlightUntil = (timeoutMs: string) => `now() + make_interval(secs => ${timeoutMs} / 1000.0 + ${LEASE_MARGIN_SECONDS})`;

/** How long a run that found the row taken waits before it looks again: the other run's time plus the margin. */
export const leaseMs = (timeoutMs: number) => timeoutMs + LEASE_MARGIN_SECONDS * 1000;
