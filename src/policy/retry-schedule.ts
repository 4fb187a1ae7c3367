export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];
export const MAX_RETRY_AFTER_SECONDS = 86_400;
const JITTER = 0.2;

/**
 * Milliseconds to wait before attempt `attemptNumber + 1`, or null when `attemptNumber` was the last one.
 * The schedule lists the waits between attempts (seconds); each gets +-20% jitter so retries of many
 * deliveries that failed together do not arrive together. A receiver's Retry-After wins when it asks for longer.
 */
export function nextRetryDelayMs(
  schedule: readonly number[],
  attemptNumber: number,
  retryAfterSeconds: number | null = null,
  random: () => number = Math.random,
): number | null {
  if (attemptNumber < 1 || attemptNumber > schedule.length) return null;
  const base = schedule[attemptNumber - 1] * 1000;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  if (retryAfterSeconds === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000);
}

/** Parses a Retry-After header: delta seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
