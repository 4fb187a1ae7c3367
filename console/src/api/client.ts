import { readCredential } from './session';

/** An RFC 9457 problem from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

/** Called when the key or portal link stops working (401), so the app can say so (sign-in, or the link expired). */
let onUnauthorized: () => void = () => undefined;
export const setUnauthorizedHandler = (handler: () => void) => (onUnauthorized = handler);

/**
 * One call to /v1 on this origin with the signed-in key or portal token (or the key given, when signing in), and
 * any `extraHeaders` (an Idempotency-Key).
 */
export async function apiCall<T>(
  method: string,
  path: string,
  body?: unknown,
  key = readCredential(),
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, accept: 'application/json' };
  if (key) headers['authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'Network error', 'The service did not answer. Is it running?');
  }
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    const problem = (parsed ?? {}) as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
    if (res.status === 401 && key === readCredential()) onUnauthorized();
    throw new ApiError(res.status, problem.title ?? res.statusText, problem.detail ?? text, problem.errors ?? []);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A query string of the given values, leaving out empty ones. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
