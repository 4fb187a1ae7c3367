import { z } from 'zod';

/** The OTLP wire formats the standard names; `http/protobuf` is its default. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

/** The samplers of the standard that the SDK has (jaeger_remote and xray are not among them). */
export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type SamplerName = (typeof SAMPLERS)[number];

export interface TracingSettings {
  exporter: 'otlp' | 'console';
  protocol: OtlpProtocol;
  /** Where spans are sent: the traces endpoint as given, or the base endpoint plus `/v1/traces` (HTTP). */
  url: string | undefined;
  /** OTEL_SERVICE_NAME; unset: a `service.name` in OTEL_RESOURCE_ATTRIBUTES, else `hookrelay`. */
  serviceName: string | undefined;
  sampler: SamplerName;
  /** The ratio of the `*traceidratio` samplers (0..1). */
  samplerRatio: number;
}

const emptyIsUnset = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyIsUnset, schema.optional());

/** The standard OTEL_* variables the service reads itself (the exporters read the rest: headers, timeout, ...). */
export const tracingEnvSchema = {
  OTEL_SDK_DISABLED: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  OTEL_TRACES_EXPORTER: optional(z.enum(['otlp', 'console', 'none'], { error: 'must be otlp, console or none' })),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://localhost:4318' })),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://localhost:4318/v1/traces' }),
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: optional(z.enum(OTLP_PROTOCOLS, { error: `must be one of ${OTLP_PROTOCOLS.join(', ')}` })),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: optional(z.enum(OTLP_PROTOCOLS, { error: `must be one of ${OTLP_PROTOCOLS.join(', ')}` })),
  OTEL_SERVICE_NAME: optional(z.string()),
  OTEL_TRACES_SAMPLER: optional(z.enum(SAMPLERS, { error: `must be one of ${SAMPLERS.join(', ')}` })),
  OTEL_TRACES_SAMPLER_ARG: optional(z.coerce.number().min(0).max(1, 'must be a ratio between 0 and 1')),
};

type TracingEnv = { [K in keyof typeof tracingEnvSchema]?: z.output<(typeof tracingEnvSchema)[K]> };

/**
 * Tracing is on only when something would receive the spans: an OTLP endpoint is given (or the console exporter
 * is asked for), and neither OTEL_SDK_DISABLED nor OTEL_TRACES_EXPORTER=none says no. Unlike the SDK's own
 * default (localhost:4318), no endpoint means no tracing: nothing started, nothing exported.
 */
export function tracingSettings(e: TracingEnv): TracingSettings | null {
  if (e.OTEL_SDK_DISABLED === 'true') return null;
  const exporter = e.OTEL_TRACES_EXPORTER ?? 'otlp';
  if (exporter === 'none') return null;
  const protocol = e.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? e.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  const url = otlpTracesUrl(protocol, e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (exporter === 'otlp' && url === undefined) return null;
  const sampler = e.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on';
  return {
    exporter,
    protocol,
    url,
    serviceName: e.OTEL_SERVICE_NAME,
    sampler,
    samplerRatio: e.OTEL_TRACES_SAMPLER_ARG ?? 1,
  };
}

/**
 * The standard's rule: a signal's own endpoint is used as it is; the base endpoint gets `/v1/traces` appended
 * over HTTP, and is used as it is over gRPC.
 */
export function otlpTracesUrl(protocol: OtlpProtocol, tracesEndpoint?: string, baseEndpoint?: string): string | undefined {
  if (tracesEndpoint) return tracesEndpoint;
  if (!baseEndpoint) return undefined;
  if (protocol === 'grpc') return baseEndpoint;
  return baseEndpoint.replace(/\/+$/, '') + '/v1/traces';
}
