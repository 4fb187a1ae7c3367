import { context, propagation, SpanKind, SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import { tracer } from '../src/telemetry/trace-parent.js';
import type { PostResult } from './post.js';
import type { SignedRequest } from './sign.js';

export interface TracedRequest {
  deliveryId: string;
  attemptNumber: number;
  /** The subscription asked for W3C `traceparent`/`tracestate` (field `traceContext`). */
  propagate: boolean;
}

/**
 * One request to a receiver as a CLIENT span (status code, error type; its duration is the request's). The
 * receiver gets the span's `traceparent` only when its subscription asked for it: receivers are usually
 * another company. Tracing off, the span is the API's no-op one and nothing is added.
 */
export function tracedPost(
  req: SignedRequest,
  about: TracedRequest,
  post: (req: SignedRequest) => Promise<PostResult>,
): Promise<PostResult> {
  return tracer().startActiveSpan('POST', { kind: SpanKind.CLIENT }, async (span) => {
    try {
      // Described only when recorded: tracing off (or not sampled), an attempt pays for no URL parse.
      if (span.isRecording()) span.setAttributes(requestAttributes(req, about));
      let sent = req;
      if (about.propagate) {
        sent = { ...req, headers: { ...req.headers } };
        propagation.inject(context.active(), sent.headers);
      }
      const result = await post(sent);
      if (span.isRecording()) describeOutcome(span, result);
      return result;
    } finally {
      span.end();
    }
  });
}

function requestAttributes(req: SignedRequest, about: TracedRequest): Attributes {
  const url = new URL(req.url);
  return {
    'http.request.method': 'POST',
    // No query string or credentials: either may hold a secret.
    'url.full': `${url.origin}${url.pathname}`,
    'server.address': url.hostname,
    'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    'hookrelay.delivery_id': about.deliveryId,
    'hookrelay.attempt_number': about.attemptNumber,
  };
}

function describeOutcome(span: Span, result: PostResult): void {
  if (result.statusCode !== null) span.setAttribute('http.response.status_code', result.statusCode);
  const errorType = result.errorType ?? (result.statusCode !== null && result.statusCode >= 400 ? String(result.statusCode) : null);
  if (errorType) {
    span.setAttribute('error.type', errorType);
    span.setStatus({ code: SpanStatusCode.ERROR, ...(result.errorMessage && { message: result.errorMessage }) });
  }
}
