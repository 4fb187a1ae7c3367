import { MetricsBuffer, type BufferedMetricUpdate } from '@temporalio/worker';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: the buffer is asked for durations in seconds, so latency histograms read like ours. */
const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Drained this often between scrapes too, so a quiet Prometheus never lets the buffer fill and drop updates. */
const DRAIN_MS = 1000;

type PromMetric = Counter | Gauge | Histogram;
interface Series {
  metric: PromMetric;
  labels: Set<string>;
}

/**
 * The Temporal SDK's own metrics (Core's: task slots, schedule-to-start latency, poll and task failures,
 * nondeterminism) in this process's /metrics, prefixed `temporal_`. Core hands them over through a MetricsBuffer
 * (counters as increments, gauges as values, histograms as observations); this replays them into prom-client.
 * One per process, like the Temporal runtime itself.
 */
export class TemporalSdkMetrics {
  readonly buffer = new MetricsBuffer({ maxBufferSize: 100_000, useSecondsForDurations: true });
  readonly registry = new Registry();
  private readonly series = new Map<string, Series>();
  private timer?: NodeJS.Timeout;

  start(): void {
    this.timer ??= setInterval(() => this.drain(), DRAIN_MS);
    this.timer.unref();
  }

  /** Everything Core recorded since the last drain, then the registry's text. */
  async metrics(): Promise<string> {
    this.drain();
    return this.registry.metrics();
  }

  drain(): void {
    let updates: Iterable<BufferedMetricUpdate>;
    try {
      updates = this.buffer.retrieveUpdates();
    } catch {
      return; // not bound to a runtime (someone else installed it): nothing to show
    }
    for (const update of updates) this.apply(update);
  }

  private apply({ metric, value, attributes }: BufferedMetricUpdate): void {
    const name = promName(metric.name);
    let s = this.series.get(name);
    if (!s) {
      const labelNames = Object.keys(attributes).map(labelName);
      const common = { name, help: metric.description || metric.name, labelNames, registers: [this.registry] };
      const made: PromMetric =
        metric.kind === 'counter'
          ? new Counter(common)
          : metric.kind === 'histogram'
            ? new Histogram({ ...common, buckets: BUCKETS })
            : new Gauge(common);
      s = { metric: made, labels: new Set(labelNames) };
      this.series.set(name, s);
    }
    // Labels first seen on a later update are left out: prom-client fixes a metric's label names at creation.
    const labels: Record<string, string> = {};
    for (const [key, v] of Object.entries(attributes)) if (s.labels.has(labelName(key))) labels[labelName(key)] = String(v);
    const m = s.metric;
    if (m instanceof Counter) m.inc(labels, value);
    else if (m instanceof Histogram) m.observe(labels, value);
    else if (metric.kind === 'up-down-counter') m.inc(labels, value);
    else m.set(labels, value);
  }
}

const labelName = (raw: string) => raw.replace(/[^a-zA-Z0-9_]/g, '_');

const promName = (raw: string) => {
  const clean = labelName(raw);
  return clean.startsWith('temporal_') ? clean : `temporal_${clean}`;
};

/** The process's one bridge (the Temporal runtime is per process, so are its metrics). */
export const temporalSdkMetrics = new TemporalSdkMetrics();
