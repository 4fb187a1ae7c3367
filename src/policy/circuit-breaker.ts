// A per-endpoint circuit breaker. Without one, a dead endpoint costs an attempt per delivery per retry: a few
// thousand deliveries to it keep the engine, the worker and the network busy for nothing, and healthy endpoints
// wait behind them. With it, after `failureThreshold` failed attempts in a row the circuit opens: deliveries to
// that subscription wait (no attempt, no attempt number used) until the cooldown ends, then one of them probes.
// A probe that succeeds closes the circuit; one that fails opens it again for twice as long, up to an hour.

/** The per-endpoint circuit breaker. */
export interface CircuitPolicy {
  /** Failed attempts in a row that open the circuit; 0 turns the breaker off. */
  failureThreshold: number;
  /** The first cooldown; each failed probe doubles it, up to an hour. */
  cooldownSeconds: number;
}

export const MAX_COOLDOWN_SECONDS = 3600;
/** Deferred deliveries wake spread over this share of the wait, so they do not all arrive at the probe. */
const DEFERRAL_SPREAD = 0.2;

export type CircuitGate = 'closed' | 'open' | 'half-open';

/** Where the circuit stands for an attempt due now. */
export function circuitGate(openUntil: Date | null, now: Date = new Date()): CircuitGate {
  if (openUntil === null) return 'closed';
  return openUntil.getTime() > now.getTime() ? 'open' : 'half-open';
}

/** How long the circuit stays open after it opens for the `trips`-th time in a row (0-based). */
export function cooldownSeconds(policy: CircuitPolicy, trips: number): number {
  return Math.min(policy.cooldownSeconds * 2 ** Math.min(trips, 32), MAX_COOLDOWN_SECONDS);
}

/** A share of the wait to add, so the deliveries held back by one circuit do not all wake at once. */
export function deferralSpread(random: () => number = Math.random): number {
  return DEFERRAL_SPREAD * random();
}

/** Milliseconds a delivery due now waits while the circuit is open until `openUntil`, with spread. */
export function deferralMs(openUntil: Date, now: Date = new Date(), random: () => number = Math.random): number {
  const wait = Math.max(0, openUntil.getTime() - now.getTime());
  return Math.round(wait * (1 + deferralSpread(random))) + 1;
}

/** How long a probe holds the half-open circuit: if its worker dies, another delivery may probe after this. */
export function probeWindowSeconds(timeoutMs: number): number {
  return Math.ceil(timeoutMs / 1000) + 30;
}
