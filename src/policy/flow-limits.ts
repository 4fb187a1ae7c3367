// A subscription's flow limits: how fast (rateLimit), how many at once (maxConcurrency), and the pause a receiver
// asks for with 429 or 503 (throttle). This module decides the numbers; activities/flow-control.ts keeps the
// state in Postgres, so the limits hold across every worker process. A delivery that may not go now waits in its
// workflow's durable timer and uses no attempt number.

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const RATE_LIMITS = { minPerSecond: 0.01, maxPerSecond: 10_000, maxBurst: 100_000 } as const;
export const CONCURRENCY_LIMITS = { min: 1, max: 1_000 } as const;

/** One second's worth, at least one: a full bucket lets a second of traffic through at once. */
export const defaultBurst = (perSecond: number) => Math.max(1, Math.ceil(perSecond));

/**
 * GCRA in time units: the bucket is a moment, `fullAt`, when it would be full again. Each attempt that goes moves
 * it `intervalSeconds` later, and goes only if it then lies at most `burstSeconds` ahead: so in any window of `w`
 * seconds at most `burst + perSecond * w` attempts go, judged when they go (not when they were first due), so a
 * worker that falls behind and catches up cannot bunch them.
 */
export function rateTerms(limit: RateLimit): { intervalSeconds: number; burstSeconds: number } {
  return { intervalSeconds: 1 / limit.perSecond, burstSeconds: limit.burst / limit.perSecond };
}

/**
 * A subscription's rate bucket: `fullAt` (above) and `queueAt`, the next free slot for an attempt that has to
 * wait. A waiting attempt gets a slot of its own, one interval after the one before, so waiting attempts come
 * back spread out rather than all at once, and in turn: while some wait, a newcomer queues behind them.
 */
export interface RateBucket {
  fullAt: number;
  queueAt: number | null;
}

/**
 * One take at `now` (ms), as the statement in activities/flow-control.ts makes it (this is its model, for the unit
 * tests and for reading): go now, or come back at `slotAt`. `holdsSlot`: the attempt is back at its slot, and may
 * go before the queue behind it.
 */
export function takeSlot(
  bucket: RateBucket | null,
  now: number,
  limit: RateLimit,
  holdsSlot = false,
): { bucket: RateBucket; go: boolean; slotAt: number } {
  const interval = rateTerms(limit).intervalSeconds * 1000;
  const burst = rateTerms(limit).burstSeconds * 1000;
  if (bucket === null) return { bucket: { fullAt: now + interval, queueAt: null }, go: true, slotAt: now };
  const next = Math.max(bucket.fullAt, now) + interval;
  const queueEmpty = bucket.queueAt === null || bucket.queueAt <= now;
  if (next <= now + burst && (holdsSlot || queueEmpty)) return { bucket: { ...bucket, fullAt: next }, go: true, slotAt: now };
  const slotAt = Math.max(bucket.queueAt ?? now, next - burst, now);
  return { bucket: { ...bucket, queueAt: slotAt + interval }, go: false, slotAt };
}

/** Without `Retry-After`, the first throttle pauses the subscription this long, doubling each time in a row. */
export const THROTTLE_BASE_SECONDS = 2;
/** ...up to this. */
export const THROTTLE_MAX_DEFAULT_SECONDS = 60;
/** The longest pause a receiver's `Retry-After` may impose on the whole subscription. */
export const THROTTLE_MAX_SECONDS = 3_600;

/** A `429` or `503` asks the sender to slow down: the whole subscription pauses, not only that delivery. */
export const isThrottle = (statusCode: number | null) => statusCode === 429 || statusCode === 503;

/**
 * How long a throttle pauses the subscription: the receiver's `Retry-After` (at least 1 s, at most an hour), or
 * without one 2 s doubling with each throttle since the last success (`strikes`), up to a minute.
 */
export function throttleSeconds(retryAfterSeconds: number | null, strikes: number): number {
  if (retryAfterSeconds !== null) return Math.min(Math.max(retryAfterSeconds, 1), THROTTLE_MAX_SECONDS);
  return Math.min(THROTTLE_BASE_SECONDS * 2 ** Math.min(strikes, 16), THROTTLE_MAX_DEFAULT_SECONDS);
}

/** Deliveries held back by one throttle come back spread over this share of the wait, not all at once. */
const THROTTLE_SPREAD = 0.2;

/** How long a delivery due now waits while its subscription is throttled for `waitMs` more. */
export function throttleDeferralMs(waitMs: number, random: () => number = Math.random): number {
  return Math.round(Math.max(0, waitMs) * (1 + THROTTLE_SPREAD * random())) + 1;
}

/** A delivery waiting for a place among `maxConcurrency` looks again after this even if no end wakes it. */
const CONCURRENCY_RECHECK_MS = { min: 1_000, max: 30_000 };

/**
 * The fallback for a lost wake-up: until the earliest attempt in flight is due to end (its lease), between 1 and
 * 30 s, spread by up to 20 %. Normally the end of an attempt wakes the next waiting delivery at once.
 */
export function concurrencyRecheckMs(untilFirstLeaseEndsMs: number | null, random: () => number = Math.random): number {
  const wait = Math.min(
    Math.max(untilFirstLeaseEndsMs ?? CONCURRENCY_RECHECK_MS.min, CONCURRENCY_RECHECK_MS.min),
    CONCURRENCY_RECHECK_MS.max,
  );
  return Math.round(wait * (1 + 0.2 * random()));
}
