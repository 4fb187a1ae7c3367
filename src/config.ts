import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { loadTemporalSettings, TemporalSettingsError, type TemporalSettings } from './temporal/temporal-settings.js';
import type { CircuitPolicy } from './policy/circuit-breaker.js';
import { defaultBurst, MIN_DEFAULT_BURST, UNLIMITED, type IngestQuota } from './policy/ingest-quota-arithmetic.js';
import { tracingEnvSchema, tracingSettings, type TracingSettings } from './telemetry/tracing-settings.js';

const isValidCidr = (c: string) => {
  try {
    ipaddr.parseCIDR(c);
    return true;
  } catch {
    return false;
  }
};

/** The embedded (local development) mode lets deliveries reach this machine, so the quick start works. */
const EMBEDDED_ALLOWED_CIDRS = '127.0.0.0/8,::1/128';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** Why EGRESS_PROXY is not the URL of an HTTP CONNECT proxy, or null when it is. */
export function egressProxyProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; expected http://[user:password@]host:port, e.g. http://proxy.internal:3128';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `must be an http:// or https:// URL of an HTTP CONNECT proxy (got ${url.protocol.replace(/:$/, '')})`;
  }
  if (url.pathname !== '/' || url.search || url.hash) return 'must name only the proxy (scheme, credentials, host, port), no path or query';
  return null;
}

/** One CSP source a portal page may be framed by: an http(s) origin (host may start with `*.`) or 'self'. */
const FRAME_SOURCE = /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?)$/i;

/** PORTAL_FRAME_ANCESTORS as the CSP `frame-ancestors` source list; empty or unset: 'none' (no framing). */
const frameAncestors = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(/[\s,]+/).filter(Boolean))
  .refine(
    (sources) => (sources.length === 1 && sources[0] === "'none'") || sources.every((s) => FRAME_SOURCE.test(s)),
    "must be origins separated by spaces or commas (https://app.example.com https://*.example.com), 'self', or 'none'",
  )
  .transform((sources) => (sources.length === 0 ? "'none'" : sources.join(' ')));

/** Ingest quota bounds (config and admin API): past these the bucket's microsecond arithmetic loses meaning. */
export const MAX_EVENTS_PER_SECOND = 1_000_000;
export const MAX_EVENTS_BURST = 100_000_000;

/** Every environment variable the service reads, with its default. `.env.example` documents each one. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/webhooks'),
  DATABASE_LISTEN_URL: optionalString.pipe(z.url().optional()),
  DATABASE_CREATE: bool.optional(),
  MIGRATIONS: z.enum(['run', 'wait', 'check'], { error: 'must be run, wait or check' }).default('run'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(0),
  // TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*, TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE:
  // Temporal's own environment configuration, read by loadTemporalSettings (src/temporal/temporal-settings.ts).
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('webhooks'),
  TEMPORAL_UI_URL: optionalString,
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_DEV_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  DATA_DIR: z.string().default('.data'),
  BOOTSTRAP_API_KEY: optionalString,
  ADMIN_API_KEY: optionalString,
  SECRETS_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes), e.g. `openssl rand -hex 32`')
    .optional(),
  SECRETS_KEY_PREVIOUS: z
    .string()
    .regex(/^([0-9a-f]{64})(,[0-9a-f]{64})*$/i, 'must be comma-separated 64-hex-character keys')
    .optional(),
  ALLOW_HTTP_TARGETS: bool.optional(),
  ALLOWED_PRIVATE_CIDRS: z
    .string()
    .optional()
    .refine(
      (v) => !v || v === 'none' || v.split(',').every((c) => !c.trim() || isValidCidr(c.trim())),
      "must be comma-separated CIDRs, e.g. 127.0.0.0/8,::1/128, or 'none'",
    ),
  MAX_SUBSCRIPTIONS_PER_TENANT: z.coerce.number().int().min(1).default(1000),
  PAYLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(256 * 1024),
  DISABLE_AFTER_HOURS: z.coerce.number().positive().default(120),
  RESPONSE_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(0)
    .max(64 * 1024)
    .default(4 * 1024),
  RETENTION_DAYS: z.coerce.number().positive().max(36_500).default(30),
  // Unset: events, deliveries and attempts are kept forever (their payloads still go after RETENTION_DAYS).
  METADATA_RETENTION_DAYS: z.coerce.number().positive().max(36_500).optional(),
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().min(0).default(10),
  CIRCUIT_COOLDOWN_SECONDS: z.coerce.number().positive().max(3600).default(30),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  CERTIFICATE_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
  WORKER_MAX_ACTIVITIES: z.coerce.number().int().min(1).default(200),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(500),
  WORKER_BUILD_ID: optionalString,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  TENANT_EVENTS_PER_SECOND: z.coerce.number().int().min(0).max(MAX_EVENTS_PER_SECOND).default(1000),
  // Empty (as in .env.example) means unset: derived from the rate.
  TENANT_EVENTS_BURST: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(MIN_DEFAULT_BURST, `must be at least ${MIN_DEFAULT_BURST} (one full batch), so a full batch fits a full bucket`)
      .max(MAX_EVENTS_BURST)
      .optional(),
  ),
  EGRESS_PROXY: optionalString.superRefine((v, ctx) => {
    const problem = v === undefined ? null : egressProxyProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  PUBLIC_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://hooks.example.com' }).optional(),
  ),
  PORTAL_FRAME_ANCESTORS: frameAncestors,
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  LOG_FILE: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...tracingEnvSchema,
  TEMPORAL_SDK_METRICS_ADDRESS: optionalString.refine((v) => v === undefined || /^[^\s:]+:\d{1,5}$|^\[[0-9a-f:]+\]:\d{1,5}$/i.test(v), {
    error: 'must be host:port, e.g. 0.0.0.0:9464',
  }),
  // Rotation and on-call metrics (docs/security.md, docs/operating.md):
  ADMIN_API_KEY_PREVIOUS: optionalString,
  METRICS_REFRESH_MS: z.coerce.number().int().min(1000).max(600_000).default(5000),
});

export type Role = 'all' | 'api' | 'worker' | 'migrate';

/** What a process does at start about migrations it has that the database has not run yet. */
export type MigrationsMode = 'run' | 'wait' | 'check';

/** How a process uses Postgres (see docs/operating.md, Connections). */
export interface DatabaseSettings {
  url: string;
  /** The change feed's LISTEN connection: a session (Postgres, or PgBouncer in session mode). */
  listenUrl: string;
  /** Create the database when it does not exist (tried only after a connection to it failed). */
  create: boolean;
  /** run: migrate at start; wait: until `--role migrate` has run them; check: refuse to start when behind. */
  migrations: MigrationsMode;
  poolSize: number;
  /** Giving up on a new connection after this long; 0: never. */
  connectTimeoutMs: number;
  /** Postgres's statement_timeout for this process's pooled connections; 0: none. */
  statementTimeoutMs: number;
  /** Shown in pg_stat_activity: hookrelay-api, hookrelay-worker, ... */
  applicationName: string;
}

/** Workflow task slots a worker keeps beyond those its attempts in flight may hold (timers, signals, deferrals). */
export const WORKFLOW_TASKS_BESIDE_ATTEMPTS = 40;

export interface AppConfig {
  role: Role;
  port: number;
  host: string;
  databaseUrl: string;
  database: DatabaseSettings;
  temporal: {
    /** Unset means: start the embedded dev server. */
    address: string | undefined;
    namespace: string;
    /** TLS, API key and metadata for every connection to `address` (none for the embedded dev server). */
    connection: TemporalSettings['connection'];
    /** Which setting each connection value came from, for start-up errors. */
    sources: TemporalSettings['sources'];
    taskQueue: string;
    uiUrl: string;
    cliPath: string | undefined;
    devPort: number;
    devUiPort: number;
  };
  dataDir: string;
  bootstrapApiKey: string | undefined;
  adminApiKey: string | undefined;
  secretsKey: string;
  /** Older keys that still open values sealed before a rotation. */
  previousSecretsKeys: string[];
  allowHttpTargets: boolean;
  allowedPrivateCidrs: string[];
  payloadLimitBytes: number;
  /** Live (not deleted) subscriptions a tenant may have: each one is matched against every event it sends. */
  maxSubscriptionsPerTenant: number;
  disableAfterHours: number;
  /** Bytes of each receiver's answer kept with its attempt (0..64 KiB). */
  responseBodyLimit: number;
  /** Event payloads and response bodies older than this are purged hourly (metadata stays). */
  retentionDays: number;
  /** Ended events older than this are deleted with their deliveries and attempts; null: kept forever. */
  metadataRetentionDays: number | null;
  circuit: CircuitPolicy;
  sweepIntervalMs: number;
  /** How often subscriptions' client certificates are checked for crossing into their last 14 days. */
  certificateCheckIntervalMs: number;
  workerMaxActivities: number;
  /** Workflows kept in worker memory; held deliveries beyond this wait in Temporal, not in RAM. */
  workerMaxCachedWorkflows: number;
  /**
   * Which build a worker runs (an image tag, a commit), shown in its Temporal identity beside the hash of its
   * workflow code; unset: the hash alone.
   */
  workerBuildId: string | undefined;
  /** Management API requests per API key per minute (ingestion has the per-tenant `ingestQuota` instead). */
  rateLimitPerMinute: number;
  /** Failed authentications per client address per minute; past it, unknown keys get 429 without a lookup. */
  authFailuresPerMinute: number;
  /** Events per second (and burst) each tenant may ingest unless the admin API set its own; perSecond 0: unlimited. */
  ingestQuota: IngestQuota;
  /** HTTP CONNECT proxy every delivery goes through (the policy still judges each target); unset: direct. */
  egressProxy: string | undefined;
  /** Where browsers reach this service (portal links); unset: taken from each request's Host. No trailing slash. */
  publicUrl: string | undefined;
  /** CSP `frame-ancestors` of portal pages (/console/portal/...): who may embed a portal link in an iframe. */
  portalFrameAncestors: string;
  /** After a SIGTERM, how long /ready answers 503 while requests are still served, before the listener closes. */
  shutdownDrainMs: number;
  /** Append logs to this file instead of stdout. */
  logFile: string | undefined;
  logLevel: string;
  /** OpenTelemetry traces (OTEL_* variables); null: off, nothing started or exported. */
  tracing: TracingSettings | null;
  /** Where the Temporal SDK's Core runtime serves its Prometheus metrics; unset: it keeps none. */
  temporalSdkMetricsAddress: string | undefined;
  /** The admin key before a rotation, still accepted until it is removed (both work meanwhile). */
  adminApiKeyPrevious: string | undefined;
  /** How often the delivery lag gauges (queries of the database) are refreshed at most; scrapes in between reuse them. */
  metricsRefreshMs: number;
}

export class ConfigError extends Error {}

/** Reads a value kept under the data dir, creating it once; used only by the embedded (zero-config) mode. */
function persistedValue(dataDir: string, file: string, create: () => string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = create();
  writeFileSync(path, value + '\n', { mode: 0o600 });
  return value;
}

export function generateApiKey(): string {
  return 'whk_' + randomBytes(24).toString('base64url');
}

/** Validates the environment once, at boot. Throws a ConfigError naming every wrong variable. */
export function loadConfig(given: Record<string, string | undefined>, role: Role = 'all'): AppConfig {
  // An empty variable means unset, as `.env.example` writes them (`node --env-file`, `set -a; . .env`, compose
  // `env_file` all give `NAME=` as an empty string): it takes the default, never turns one off.
  const env = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let temporal: TemporalSettings;
  try {
    temporal = loadTemporalSettings(env);
  } catch (err) {
    if (err instanceof TemporalSettingsError) throw new ConfigError(`Invalid configuration: ${err.message}`);
    throw err;
  }
  const embedded = temporal.address === undefined;
  const dataDir = resolve(e.DATA_DIR);
  if (!embedded && !e.SECRETS_KEY) {
    throw new ConfigError('Invalid configuration:\n  SECRETS_KEY: required when TEMPORAL_ADDRESS is set (64 hex characters)');
  }
  // Each attempt in flight keeps a workflow in the cache; a smaller cache would silently lower the real limit.
  if (e.WORKER_MAX_CACHED_WORKFLOWS > 0 && e.WORKER_MAX_CACHED_WORKFLOWS < e.WORKER_MAX_ACTIVITIES + WORKFLOW_TASKS_BESIDE_ATTEMPTS) {
    throw new ConfigError(
      `Invalid configuration:\n  WORKER_MAX_CACHED_WORKFLOWS: must be 0 or at least WORKER_MAX_ACTIVITIES + ${WORKFLOW_TASKS_BESIDE_ATTEMPTS} (${e.WORKER_MAX_ACTIVITIES + WORKFLOW_TASKS_BESIDE_ATTEMPTS})`,
    );
  }
  // A row outliving its payload is the point; a payload outliving its row cannot be.
  if (e.METADATA_RETENTION_DAYS !== undefined && e.METADATA_RETENTION_DAYS < e.RETENTION_DAYS) {
    throw new ConfigError(
      `Invalid configuration:\n  METADATA_RETENTION_DAYS: must be at least RETENTION_DAYS (${e.RETENTION_DAYS}), or unset to keep events, deliveries and attempts forever`,
    );
  }
  return {
    role,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    database: {
      url: e.DATABASE_URL,
      listenUrl: e.DATABASE_LISTEN_URL ?? e.DATABASE_URL,
      create: e.DATABASE_CREATE ?? true,
      migrations: e.MIGRATIONS,
      poolSize: e.DB_POOL_SIZE,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      applicationName: `hookrelay-${role}`,
    },
    temporal: {
      address: temporal.address,
      namespace: temporal.namespace,
      connection: temporal.connection,
      sources: temporal.sources,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: (e.TEMPORAL_UI_URL ?? `http://localhost:${e.TEMPORAL_DEV_UI_PORT}`).replace(/\/$/, ''),
      cliPath: e.TEMPORAL_CLI_PATH,
      devPort: e.TEMPORAL_DEV_PORT,
      devUiPort: e.TEMPORAL_DEV_UI_PORT,
    },
    dataDir,
    bootstrapApiKey: e.BOOTSTRAP_API_KEY ?? (embedded ? persistedValue(dataDir, 'bootstrap-api-key', generateApiKey) : undefined),
    adminApiKey: e.ADMIN_API_KEY,
    secretsKey: e.SECRETS_KEY ?? persistedValue(dataDir, 'secrets.key', () => randomBytes(32).toString('hex')),
    previousSecretsKeys: e.SECRETS_KEY_PREVIOUS ? e.SECRETS_KEY_PREVIOUS.split(',') : [],
    allowHttpTargets: e.ALLOW_HTTP_TARGETS ?? embedded,
    // `none` turns the embedded mode's ranges off (an empty value means unset, so the default).
    allowedPrivateCidrs: (e.ALLOWED_PRIVATE_CIDRS === 'none' ? '' : (e.ALLOWED_PRIVATE_CIDRS ?? (embedded ? EMBEDDED_ALLOWED_CIDRS : '')))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    payloadLimitBytes: e.PAYLOAD_LIMIT_BYTES,
    maxSubscriptionsPerTenant: e.MAX_SUBSCRIPTIONS_PER_TENANT,
    disableAfterHours: e.DISABLE_AFTER_HOURS,
    responseBodyLimit: e.RESPONSE_BODY_LIMIT,
    retentionDays: e.RETENTION_DAYS,
    metadataRetentionDays: e.METADATA_RETENTION_DAYS ?? null,
    circuit: { failureThreshold: e.CIRCUIT_FAILURE_THRESHOLD, cooldownSeconds: e.CIRCUIT_COOLDOWN_SECONDS },
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    certificateCheckIntervalMs: e.CERTIFICATE_CHECK_INTERVAL_MS,
    workerMaxActivities: e.WORKER_MAX_ACTIVITIES,
    workerMaxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    workerBuildId: e.WORKER_BUILD_ID,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    ingestQuota:
      e.TENANT_EVENTS_PER_SECOND === 0
        ? UNLIMITED
        : { perSecond: e.TENANT_EVENTS_PER_SECOND, burst: e.TENANT_EVENTS_BURST ?? defaultBurst(e.TENANT_EVENTS_PER_SECOND) },
    egressProxy: e.EGRESS_PROXY,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    portalFrameAncestors: e.PORTAL_FRAME_ANCESTORS,
    // Load balancers send to an api process; a worker or a local `--role all` has none to wait for.
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ?? (role === 'api' ? 5000 : 0),
    logFile: e.LOG_FILE,
    logLevel: e.LOG_LEVEL,
    tracing: tracingSettings(e),
    temporalSdkMetricsAddress: e.TEMPORAL_SDK_METRICS_ADDRESS,
    adminApiKeyPrevious: e.ADMIN_API_KEY_PREVIOUS,
    metricsRefreshMs: e.METRICS_REFRESH_MS,
  };
}
