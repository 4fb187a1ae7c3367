import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { otlpTracesUrl, tracingSettings } from '../../src/telemetry/tracing-settings.js';

describe('tracing settings from the OTEL_* variables', () => {
  it('is off unless an endpoint is given: nothing started, nothing exported', () => {
    assert.equal(tracingSettings({}), null);
    assert.equal(tracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on' }), null);
  });

  it('is off when OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none says so, endpoint or not', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    assert.equal(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' }), null);
    assert.equal(tracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }), null);
    assert.notEqual(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'false' }), null);
  });

  it('takes the standard defaults: http/protobuf, parent-based always-on', () => {
    assert.deepEqual(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }), {
      exporter: 'otlp',
      protocol: 'http/protobuf',
      url: 'http://collector:4318/v1/traces',
      serviceName: undefined,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
  });

  it('prefers the traces-specific endpoint and protocol to the general ones', () => {
    const s = tracingSettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/custom',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    });
    assert.equal(s?.url, 'http://b:9999/custom');
    assert.equal(s?.protocol, 'http/json');
  });

  it('appends /v1/traces to the base endpoint over HTTP only', () => {
    assert.equal(otlpTracesUrl('http/json', undefined, 'http://c:4318'), 'http://c:4318/v1/traces');
    assert.equal(otlpTracesUrl('grpc', undefined, 'http://c:4317'), 'http://c:4317');
    assert.equal(otlpTracesUrl('grpc', undefined, undefined), undefined);
  });

  it('the console exporter needs no endpoint', () => {
    assert.equal(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' })?.exporter, 'console');
  });

  it('refuses at boot what the SDK would only warn about, naming the variable', () => {
    const bad = (env: Record<string, string>) => assert.throws(() => loadConfig({ DATA_DIR: '/tmp/hookrelay-unit', ...env }), ConfigError);
    bad({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http' });
    bad({ OTEL_TRACES_SAMPLER: 'jaeger_remote' });
    bad({ OTEL_TRACES_SAMPLER_ARG: '2' });
    bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    bad({ TEMPORAL_SDK_METRICS_ADDRESS: '9464' });
    assert.throws(
      () => loadConfig({ DATA_DIR: '/tmp/hookrelay-unit', OTEL_TRACES_EXPORTER: 'zipkin' }),
      /OTEL_TRACES_EXPORTER: must be otlp, console or none/,
    );
    const ok = loadConfig({
      DATA_DIR: '/tmp/hookrelay-unit',
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    assert.equal(ok.tracing, null, 'an empty endpoint (as in .env.example) is unset');
  });
});
