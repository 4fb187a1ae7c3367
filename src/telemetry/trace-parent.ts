import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context } from '@opentelemetry/api';

/** The tracer of the service's own spans (ingest, HTTP to receivers); a no-op one while tracing is off. */
export const tracer = () => trace.getTracer('hookrelay');

/** The active span's W3C `traceparent`, to be stored and continued later elsewhere; null without tracing. */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/**
 * Runs `fn` as a child of a stored `traceparent`, and of nothing else: work that runs long after its request
 * (the outbox's workflow starts) would otherwise join whatever request happens to be active.
 */
export function withTraceParent<T>(traceParent: string | null | undefined, fn: () => T): T {
  const parent: Context = traceParent ? propagation.extract(ROOT_CONTEXT, { traceparent: traceParent }) : ROOT_CONTEXT;
  return context.with(parent, fn);
}

/**
 * The SERVER span of an API request, continuing the caller's trace when its headers carry one. `statusOf`
 * names the HTTP status an error is answered with.
 */
export async function inServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
  statusOf: (err: unknown) => number,
  fn: () => Promise<T>,
  okStatus: number,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      const result = await fn();
      span.setAttribute('http.response.status_code', okStatus);
      return result;
    } catch (err) {
      const status = statusOf(err);
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute('error.type', String(status));
      }
      throw err;
    } finally {
      span.end();
    }
  });
}
