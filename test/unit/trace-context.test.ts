import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, trace, type Span } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracedPost } from '../../activities/traced-post.js';
import type { PostResult } from '../../activities/post.js';
import type { SignedRequest } from '../../activities/sign.js';
import { unsent } from '../../activities/post.js';
import { currentTraceParent, tracer, withTraceParent } from '../../src/telemetry/trace-parent.js';
import { Tracing } from '../../src/telemetry/tracing.js';
import type { TracingSettings } from '../../src/telemetry/tracing-settings.js';

const request: SignedRequest = {
  url: 'https://user:pw@receiver.example:8443/hooks/in?token=secret',
  body: '{}',
  headers: { 'webhook-id': 'evt_1' },
};
const answered = (statusCode: number): PostResult => ({ ...unsent('connection', ''), errorType: null, errorMessage: null, statusCode });
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** Sends nothing: records the headers it was given and answers `result`. */
const fakePost = (result: PostResult) => {
  const sent: Record<string, string>[] = [];
  return { sent, post: async (req: SignedRequest) => (sent.push(req.headers), result) };
};

describe('trace context while tracing is off', () => {
  it('stores no traceparent and sends none, even to a subscription that asks', async () => {
    assert.equal(currentTraceParent(), null);
    const { sent, post } = fakePost(answered(200));
    await tracedPost(request, { deliveryId: 'dlv_1', attemptNumber: 1, propagate: true }, post);
    assert.deepEqual(sent[0], request.headers);
  });

  it('starts every exporter the protocols name, and stops it', async () => {
    for (const protocol of ['http/json', 'http/protobuf', 'grpc'] as const) {
      const settings: TracingSettings = {
        exporter: 'otlp',
        protocol,
        url: 'http://127.0.0.1:1/v1/traces',
        serviceName: 't',
        sampler: 'parentbased_traceidratio',
        samplerRatio: 0.5,
      };
      const tracing = await Tracing.start(settings, 'all');
      assert.ok(tracing.enabled && tracing.temporal?.worker.sinks?.exporter, protocol);
      await tracing.shutdown();
    }
    assert.equal((await Tracing.start(null, 'all')).enabled, false);
  });
});

describe('trace context while tracing is on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  before(() => provider.register());
  after(() => provider.shutdown());

  it('keeps the active span as a traceparent, and continues it later from nothing else', () => {
    const ingest = tracer().startSpan('ingest');
    const active = withActive(ingest, () => withTraceParent(undefined, () => trace.getActiveSpan()));
    assert.equal(active, undefined, 'no stored parent: a root, not whatever is active');
    const traceParent = withActive(ingest, currentTraceParent);
    const [, traceId, spanId] = TRACEPARENT.exec(traceParent ?? '') ?? [];
    assert.equal(traceId, ingest.spanContext().traceId);
    assert.equal(spanId, ingest.spanContext().spanId);

    // Later, with another request's span active: the start still joins the stored trace.
    const other = tracer().startSpan('other request');
    const start = withActive(other, () => withTraceParent(traceParent, () => tracer().startSpan('start')));
    start.end();
    const exported = exporter.getFinishedSpans().find((s) => s.name === 'start')!;
    assert.equal(exported.spanContext().traceId, traceId);
    assert.equal(exported.parentSpanId, spanId);
  });

  it("sends the CLIENT span's traceparent only to a subscription that asks", async () => {
    const asks = fakePost(answered(204));
    await tracedPost(request, { deliveryId: 'dlv_1', attemptNumber: 2, propagate: true }, asks.post);
    const client = exporter.getFinishedSpans().at(-1)!;
    const [, traceId, spanId] = TRACEPARENT.exec(asks.sent[0]['traceparent']) ?? [];
    assert.deepEqual([traceId, spanId], [client.spanContext().traceId, client.spanContext().spanId]);
    assert.equal(asks.sent[0]['webhook-id'], 'evt_1');
    assert.equal(request.headers['traceparent'], undefined, 'the request given is not changed');

    const silent = fakePost(answered(204));
    await tracedPost(request, { deliveryId: 'dlv_1', attemptNumber: 2, propagate: false }, silent.post);
    assert.deepEqual(silent.sent[0], request.headers);
  });

  it('describes the request on its span: method, URL without secrets, status, error type', async () => {
    await tracedPost(request, { deliveryId: 'dlv_1', attemptNumber: 3, propagate: false }, fakePost(answered(500)).post);
    const span = exporter.getFinishedSpans().at(-1)!;
    assert.equal(span.name, 'POST');
    assert.deepEqual(
      { ...span.attributes },
      {
        'http.request.method': 'POST',
        'url.full': 'https://receiver.example:8443/hooks/in',
        'server.address': 'receiver.example',
        'server.port': 8443,
        'hookrelay.delivery_id': 'dlv_1',
        'hookrelay.attempt_number': 3,
        'http.response.status_code': 500,
        'error.type': '500',
      },
    );
    await tracedPost(
      request,
      { deliveryId: 'dlv_1', attemptNumber: 4, propagate: false },
      fakePost(unsent('timeout', 'no answer within 15000 ms')).post,
    );
    const timedOut = exporter.getFinishedSpans().at(-1)!;
    assert.equal(timedOut.attributes['error.type'], 'timeout');
    assert.equal(timedOut.attributes['http.response.status_code'], undefined);
    assert.equal(timedOut.status.message, 'no answer within 15000 ms');
  });
});

/** Runs `fn` with `span` active. */
const withActive = <T>(span: Span, fn: () => T): T => context.with(trace.setSpan(context.active(), span), fn);
