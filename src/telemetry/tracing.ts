import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor, Sampler } from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { Role } from '../config.js';
import type { OtlpProtocol, SamplerName, TracingSettings } from './tracing-settings.js';

/** What the Temporal client and worker add when tracing is on. */
export interface TemporalTracing {
  clientInterceptors: ClientInterceptors;
  /** Activity interceptors and the sink that carries the workflow's spans out of its sandbox. */
  worker: Pick<WorkerOptions, 'interceptors' | 'sinks'>;
}

/**
 * The process's tracing: the OpenTelemetry SDK (global tracer provider, W3C propagator, async-hooks context)
 * and Temporal's interceptors. Off, it is an empty shell: no SDK loaded, no interceptor, the API's no-op tracer.
 */
export class Tracing {
  private constructor(
    readonly temporal: TemporalTracing | null,
    private readonly stop: () => Promise<void>,
  ) {}

  static readonly off = new Tracing(null, async () => undefined);

  get enabled(): boolean {
    return this.temporal !== null;
  }

  /** Starts the SDK. The SDK's modules are loaded only here, so a service without tracing never loads them. */
  static async start(settings: TracingSettings | null, role: Role): Promise<Tracing> {
    if (!settings) return Tracing.off;
    const [{ NodeTracerProvider }, { BatchSpanProcessor }, { Resource, envDetectorSync }, otel] = await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
      import('@temporalio/interceptors-opentelemetry'),
    ]);
    // The standard's precedence: OTEL_SERVICE_NAME, then a service.name in OTEL_RESOURCE_ATTRIBUTES, then ours.
    const resource = Resource.default()
      .merge(new Resource({ 'service.name': 'hookrelay', 'hookrelay.role': role }))
      .merge(envDetectorSync.detect())
      .merge(new Resource(settings.serviceName ? { 'service.name': settings.serviceName } : {}));
    const processor: SpanProcessor = new BatchSpanProcessor(await spanExporter(settings));
    const provider = new NodeTracerProvider({
      resource,
      sampler: await sampler(settings.sampler, settings.samplerRatio),
      spanProcessors: [processor],
    });
    provider.register();
    const temporal: TemporalTracing = {
      clientInterceptors: { workflow: [new otel.OpenTelemetryWorkflowClientInterceptor()] },
      worker: {
        interceptors: {
          activity: [
            (ctx) => ({
              inbound: new otel.OpenTelemetryActivityInboundInterceptor(ctx),
              outbound: new otel.OpenTelemetryActivityOutboundInterceptor(ctx),
            }),
          ],
        },
        // Spans made inside the workflow sandbox cross out through this sink into the same processor.
        sinks: { exporter: otel.makeWorkflowExporter(processor, resource) },
      },
    };
    return new Tracing(temporal, async () => {
      await provider.shutdown();
      // Unregistered, a later start in this process (tests) may register again.
      trace.disable();
      context.disable();
      propagation.disable();
    });
  }

  /** Sends what is buffered and stops. */
  shutdown(): Promise<void> {
    return this.stop();
  }
}

async function spanExporter(settings: TracingSettings): Promise<SpanExporter> {
  if (settings.exporter === 'console') return new (await import('@opentelemetry/sdk-trace-base')).ConsoleSpanExporter();
  return otlpExporter(settings.protocol, settings.url!);
}

/** The exporter of a protocol; headers, timeout and compression come from the standard OTEL_EXPORTER_OTLP_* variables. */
async function otlpExporter(protocol: OtlpProtocol, url: string): Promise<SpanExporter> {
  switch (protocol) {
    case 'http/json':
      return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({ url });
    case 'http/protobuf':
      return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter({ url });
    case 'grpc':
      return new (await import('@opentelemetry/exporter-trace-otlp-grpc')).OTLPTraceExporter({ url });
  }
}

async function sampler(name: SamplerName, ratio: number): Promise<Sampler> {
  const { AlwaysOnSampler, AlwaysOffSampler, TraceIdRatioBasedSampler, ParentBasedSampler } = await import('@opentelemetry/sdk-trace-base');
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}
