import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeliveryDispatcher } from '../../src/dispatch/delivery-dispatcher.js';
import { DeliverySweeper } from '../../src/dispatch/delivery-sweeper.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { OtlpReceiver, type ExportedSpan } from '../helpers/otlp-receiver.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const SERVER = 2;
const CLIENT = 3;

describe('OpenTelemetry: one trace per delivery, from the ingest request to the receiver', () => {
  let svc: TestService;
  let otlp: OtlpReceiver;
  let traced: TestReceiver;
  let untraced: TestReceiver;
  let tracedSub: { id: string };
  let sdkMetricsPort: number;

  before(async () => {
    // Read by the SDK's batch processor itself (a standard variable): export within a tenth of a second.
    process.env['OTEL_BSP_SCHEDULE_DELAY'] = '100';
    otlp = await OtlpReceiver.start();
    traced = await TestReceiver.start();
    untraced = await TestReceiver.start();
    sdkMetricsPort = await freePort();
    svc = await startService('tracing', {
      // The first service of this process installs the Temporal runtime: its metrics address is taken here.
      TEMPORAL_SDK_METRICS_ADDRESS: `127.0.0.1:${sdkMetricsPort}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'hookrelay-under-test',
    });
    await createEventType(svc, 'order.created');
    tracedSub = await createSubscription(svc, { url: `${traced.url}/hook`, events: ['order.created'], traceContext: true });
    await createSubscription(svc, { url: `${untraced.url}/hook`, events: ['order.created'] });
  });
  after(async () => {
    await svc?.close();
    await Promise.all([otlp?.close(), traced?.close(), untraced?.close()]);
  });

  /** The ingest request's span in a trace. */
  const ingestSpanOf = (traceId: string) => otlp.trace(traceId).find((s) => s.kind === SERVER && s.name === 'POST /v1/events');

  /** Waits until the trace holds a span of each name (each CLIENT span per attempt is named after its method). */
  const traceWith = (traceId: string, names: string[], count: (spans: ExportedSpan[]) => boolean = () => true) =>
    eventually(
      async () => {
        const spans = otlp.trace(traceId);
        if (names.every((n) => spans.some((s) => s.name === n)) && count(spans)) return spans;
        throw new Error(`have ${spans.map((s) => s.name).join(', ') || 'none'}`);
      },
      30_000,
      `spans ${names.join(', ')} in trace ${traceId}`,
    );

  it('follows the event through the workflow start, the workflow, the attempt and the HTTP request', async () => {
    assert.equal(svc.config.tracing?.protocol, 'http/json');
    await sendEvent(svc, 'order.created', { n: 1 });
    const [got] = await traced.waitForRequests(1);
    await untraced.waitForRequests(1);

    const traceparent = String(got.headers['traceparent'] ?? '');
    assert.match(traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/, 'a subscription with traceContext gets a sampled traceparent');
    const [, traceId, clientSpanId] = traceparent.split('-');
    assert.equal(untraced.requests[0].headers['traceparent'], undefined, 'a subscription without traceContext gets none');
    assert.equal(untraced.requests[0].headers['tracestate'], undefined);

    const names = [
      'POST /v1/events',
      'StartWorkflow:deliver',
      'RunWorkflow:deliver',
      'StartActivity:attemptDelivery',
      'RunActivity:attemptDelivery',
      'POST',
    ];
    // Both deliveries of the event: two of each span below the ingest span.
    const spans = await traceWith(
      traceId,
      names,
      (s) => s.filter((x) => x.kind === CLIENT).length === 2 && s.filter((x) => x.name === 'RunWorkflow:deliver').length === 2,
    );
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: ExportedSpan) => byId.get(s.parentSpanId);

    const ingest = ingestSpanOf(traceId)!;
    assert.ok(ingest, 'the ingest request span is in the trace');
    assert.equal(ingest.parentSpanId, '', 'a request without traceparent starts the trace');
    assert.equal(ingest.attributes['http.response.status_code'], 202);
    assert.equal(ingest.service, 'hookrelay-under-test');

    // The HTTP request the traced receiver got, and the chain above it up to the ingest span.
    const client = byId.get(clientSpanId)!;
    assert.ok(client, 'the traceparent sent names the CLIENT span of the request');
    assert.equal(client.kind, CLIENT);
    assert.equal(client.attributes['http.response.status_code'], 200);
    assert.equal(client.attributes['url.full'], `${traced.url}/hook`);
    assert.ok(client.endNanos > client.startNanos, 'the span has the request’s duration');
    const chain: string[] = [];
    for (let s: ExportedSpan | undefined = client; s; s = parentOf(s)) chain.push(s.name);
    assert.deepEqual(chain, [
      'POST',
      'RunActivity:attemptDelivery',
      'StartActivity:attemptDelivery',
      'RunWorkflow:deliver',
      'StartWorkflow:deliver',
      'POST /v1/events',
    ]);
    const clients = spans.filter((s) => s.kind === CLIENT);
    assert.deepEqual(clients.map((s) => s.attributes['http.response.status_code']).sort(), [200, 200]);
  });

  it('records the error of a failed request on its span', async () => {
    // A 500 (a 429 or 503 would throttle the subscription for the tests after this one).
    traced.respond((req) => (JSON.parse(req.body).data.n === 2 ? { status: 500 } : { status: 200 }));
    const before = traced.requests.length;
    await sendEvent(svc, 'order.created', { n: 2 });
    const requests = await traced.waitForRequests(before + 1);
    const [, traceId, clientSpanId] = String(requests[before].headers['traceparent']).split('-');
    const spans = await traceWith(traceId, ['POST'], (s) => s.some((x) => x.spanId === clientSpanId));
    const client = spans.find((s) => s.spanId === clientSpanId)!;
    assert.equal(client.attributes['http.response.status_code'], 500);
    assert.equal(client.attributes['error.type'], '500');
  });

  it('survives the outbox: a workflow started later by the sweeper continues the ingest request’s trace', async () => {
    const dispatcher = svc.app.get(DeliveryDispatcher);
    const enqueue = dispatcher.enqueue.bind(dispatcher);
    // As if the process died between the commit and the workflow starts: only the rows are left.
    dispatcher.enqueue = () => undefined;
    let event: Awaited<ReturnType<typeof sendEvent>>;
    try {
      event = await sendEvent(svc, 'order.created', { n: 3 });
    } finally {
      dispatcher.enqueue = enqueue;
    }
    const ours = event.deliveries.find((d) => d.subscriptionId === tracedSub.id)!;
    const before = traced.requests.length;
    assert.equal(await svc.app.get(DeliverySweeper).sweepOnce(0), 2, 'the sweeper started both deliveries');
    const requests = await traced.waitForRequests(before + 1);
    const got = requests.slice(before).find((r) => JSON.parse(r.body).id === event.id)!;
    const [, traceId] = String(got.headers['traceparent']).split('-');
    const spans = await traceWith(traceId, ['POST /v1/events', 'StartWorkflow:deliver', 'RunWorkflow:deliver', 'POST']);
    const start = spans.find((s) => s.name === 'StartWorkflow:deliver' && s.attributes['temporalWorkflowId'] === `delivery-${ours.id}`);
    assert.ok(start, `the sweeper's start is in the trace: ${JSON.stringify(spans.map((s) => [s.name, s.attributes]))}`);
    assert.equal(start.parentSpanId, ingestSpanOf(traceId)!.spanId, 'its parent is the ingest request span');
  });

  it("serves the Temporal SDK's own metrics at TEMPORAL_SDK_METRICS_ADDRESS", async () => {
    const text = await (await fetch(`http://127.0.0.1:${sdkMetricsPort}/metrics`)).text();
    assert.match(text, /^temporal_workflow_completed\{/m);
    assert.match(text, /^temporal_request_latency_bucket\{/m);
  });

  it('sends nothing in a format it was not asked for', () => {
    assert.deepEqual(otlp.otherRequests, []);
  });
});
