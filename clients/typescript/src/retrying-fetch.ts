export interface RetryPolicy {
  /** Further tries after the first; 0 turns retrying off. */
  retries: number;
  /** First backoff; doubled per retry, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer `Retry-After` is not waited for: the answer is returned as it is. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Statuses that say "not now" (rate limited, unavailable): the request did nothing and may be sent again. */
const RETRY_STATUSES = new Set([429, 503]);

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Whether sending this request twice does no harm (so a network error after sending it may be retried). */
export type RepeatablePredicate = (request: Request) => boolean;

/** Idempotent methods, and requests carrying an `Idempotency-Key` (the same on every try: the request is cloned). */
export const isRepeatable: RepeatablePredicate = (request) =>
  IDEMPOTENT_METHODS.has(request.method) || request.headers.has('idempotency-key');

/**
 * A fetch that sends a request again on 429/503 (after `Retry-After` when given) and on network errors. A network
 * error after the request may have reached the service is retried only when `repeatable` says a repeat is harmless.
 */
export function retryingFetch(policy: RetryPolicy, fetchImpl: typeof fetch = fetch, repeatable = isRepeatable, sleep = defaultSleep) {
  return async (request: Request, init?: RequestInit): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= policy.retries;
      let response: Response;
      try {
        response = await fetchImpl(last ? request : request.clone(), init);
      } catch (err) {
        if (last || !(refusedBeforeSending(err) || repeatable(request))) throw err;
        await sleep(backoffMs(policy, attempt));
        continue;
      }
      if (last || !RETRY_STATUSES.has(response.status)) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(policy, attempt);
      if (wait > policy.maxRetryAfterMs) return response;
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}

/** Connection refused: the service never saw the request, so any request may be sent again. */
function refusedBeforeSending(err: unknown): boolean {
  return err instanceof Error && (err.cause as { code?: unknown } | undefined)?.code === 'ECONNREFUSED';
}

export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
