/** What the developer's app answered, or why it could not be asked. */
export type ForwardResult =
  { status: number; contentType: string | null; body: Buffer; durationMs: number } | { error: string; durationMs: number };

/** Headers the app needs to parse and verify the request as if hookrelay had sent it directly. */
const FORWARDED = /^(webhook-.*|content-type|user-agent)$/i;

export function forwardedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (FORWARDED.test(name) && value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** POSTs the exact body and webhook headers to the app; redirects are answered as they are, not followed. */
export async function forward(url: string, body: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<ForwardResult> {
  const started = Date.now();
  try {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const answer = Buffer.from(await res.arrayBuffer());
    return { status: res.status, contentType: res.headers.get('content-type'), body: answer, durationMs: Date.now() - started };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const code = (cause as { code?: unknown }).code;
    const error =
      err instanceof Error && err.name === 'TimeoutError'
        ? `timed out after ${timeoutMs} ms`
        : typeof code === 'string'
          ? code
          : String((cause as Error).message ?? cause);
    return { error, durationMs: Date.now() - started };
  }
}
