import createClient, { type Client } from 'openapi-fetch';
import { HookrelayConnectionError, HookrelayError } from './hookrelay-error.js';
import type { paths } from './openapi-types.js';
import { DEFAULT_RETRY_POLICY, isRepeatable, retryingFetch, type RetryPolicy } from './retrying-fetch.js';

export type ApiClient = Client<paths>;

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  /**
   * With an operator key (ADMIN_API_KEY or one from POST /v1/operator-keys): the tenant every call acts for, by
   * `ten_` id or externalId, sent as `Hookrelay-Tenant`. Leave it out with a tenant's own key.
   */
  tenant?: string;
  /** Further tries on 429/503 and network errors (a number), or the whole policy; 0 turns retrying off. */
  retries?: number | Partial<RetryPolicy>;
  /** Per try; a try that takes longer counts as a network error. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The service's root: `http://host:3000`, also when given as the `/v1` address the service prints. */
export const serviceRoot = (baseUrl: string) => baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');

export function createApiClient(options: TransportOptions): ApiClient {
  const policy: RetryPolicy =
    typeof options.retries === 'number'
      ? { ...DEFAULT_RETRY_POLICY, retries: options.retries }
      : { ...DEFAULT_RETRY_POLICY, ...options.retries };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = options.fetch ?? fetch;
  const timed: typeof fetch = (input, init) => base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return createClient<paths>({
    baseUrl: serviceRoot(options.baseUrl),
    headers: { authorization: `Bearer ${options.apiKey}`, ...(options.tenant ? { 'hookrelay-tenant': options.tenant } : {}) },
    fetch: retryingFetch(policy, timed, repeatable),
  });
}

/** A batch is repeatable too: the client gives every event an `id`, on which the service de-duplicates. */
const repeatable = (request: Request) => isRepeatable(request) || new URL(request.url).pathname.endsWith('/v1/events/batch');

interface Outcome<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The answer's data, or a HookrelayError (error status) / HookrelayConnectionError (no answer). */
export async function unwrap<D>(baseUrl: string, call: Promise<Outcome<D>>): Promise<D> {
  let outcome: Outcome<D>;
  try {
    outcome = await call;
  } catch (err) {
    if (isNetworkError(err)) throw new HookrelayConnectionError(serviceRoot(baseUrl), err);
    throw err;
  }
  const { data, error, response } = outcome;
  if (!response.ok) throw HookrelayError.fromResponse(response.status, response.statusText, error);
  return data as D;
}

/** What fetch throws when no answer came: `TypeError('fetch failed')`, or the timeout's abort. */
const isNetworkError = (err: unknown) =>
  err instanceof TypeError || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'));
