import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AttemptObserved } from '../../activities/deps.js';

/** The periodic jobs whose last success /metrics shows (an on-call alerts when one stops succeeding). */
export type PeriodicJob = 'sweeper' | 'reconciler' | 'purge';

/** Prometheus metrics. Labels carry outcomes and kinds only: never ids, URLs or secrets. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly attempts = new Counter({
    name: 'webhook_attempts_total',
    help: 'Delivery attempts by resulting delivery status, HTTP status class and error type (none: the receiver answered)',
    labelNames: ['status', 'status_class', 'error_type'] as const,
    registers: [this.registry],
  });

  private readonly attemptDuration = new Histogram({
    name: 'webhook_attempt_duration_seconds',
    help: 'Time from request start to the receiver answer (or error)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    registers: [this.registry],
  });

  readonly eventsAccepted = new Counter({
    name: 'webhook_events_accepted_total',
    help: 'Events accepted by POST /v1/events and /v1/events/batch',
    registers: [this.registry],
  });

  readonly deliveriesCreated = new Counter({
    name: 'webhook_deliveries_created_total',
    help: 'Deliveries created, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly ingestThrottled = new Counter({
    name: 'webhook_ingest_throttled_total',
    help: "Ingest requests answered 429 because they were over their tenant's ingest quota (nothing written)",
    registers: [this.registry],
  });

  readonly attemptsDeferred = new Counter({
    name: 'webhook_attempts_deferred_total',
    help: 'Attempts not made now, by what they wait for (circuit, predecessor, share, rate, concurrency, throttled); each waits without using an attempt number',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly deliveriesReconciled = new Counter({
    name: 'webhook_deliveries_reconciled_total',
    help: 'Unfinished deliveries whose workflow was missing (started) or closed (restarted), found by the sweeper',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  readonly routingLoads = new Counter({
    name: 'ingest_routing_loads_total',
    help: "A tenant's catalog and subscriptions read from the database for ingestion (not in memory, or changed)",
    registers: [this.registry],
  });

  readonly authKeyLookups = new Counter({
    name: 'auth_key_lookups_total',
    help: 'API keys looked up in the database to authenticate a request',
    registers: [this.registry],
  });

  readonly authFailures = new Counter({
    name: 'auth_failures_total',
    help: 'Requests answered 401 for a malformed, unknown or revoked key, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly authThrottled = new Counter({
    name: 'auth_throttled_total',
    help: 'Requests answered 429 without a key lookup: their address failed authentication too often',
    registers: [this.registry],
  });

  /** By route template (never the path: ids would make a series each), method and status class. */
  readonly httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'HTTP requests served, by route template, method and status class, and how long each took',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly firstAttemptLatency = new Histogram({
    name: 'webhook_delivery_first_attempt_latency_seconds',
    help: "From a delivery's creation (its event accepted) to its first attempt's request: the pipeline's lag",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  private readonly jobLastSuccess = new Gauge({
    name: 'webhook_job_last_success_timestamp_seconds',
    help: 'When a periodic job (sweeper, reconciler, purge) last finished a pass without an error, in this process (Unix seconds)',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  /** By table: what the metadata retention (METADATA_RETENTION_DAYS) deleted. */
  readonly retentionDeleted = new Counter({
    name: 'webhook_retention_deleted_total',
    help: 'Rows the metadata retention deleted (METADATA_RETENTION_DAYS), by table: events, deliveries, attempts',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  recordAttempt(o: AttemptObserved): void {
    const statusClass = o.statusCode === null ? 'none' : `${Math.floor(o.statusCode / 100)}xx`;
    this.attempts.inc({ status: o.status, status_class: statusClass, error_type: o.errorType ?? 'none' });
    this.attemptDuration.observe(o.durationMs / 1000);
    if (o.firstAttemptLatencyMs !== undefined) this.firstAttemptLatency.observe(Math.max(0, o.firstAttemptLatencyMs) / 1000);
  }

  jobSucceeded(job: PeriodicJob): void {
    this.jobLastSuccess.set({ job }, Date.now() / 1000);
  }
}
