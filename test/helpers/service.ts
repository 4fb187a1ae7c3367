import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { createApp } from '../../src/app.js';
import { generateApiKey, loadConfig, type AppConfig, type Role } from '../../src/config.js';
import { createTestDatabase } from './database.js';

export interface TestService {
  baseUrl: string;
  apiKey: string;
  config: AppConfig;
  /** The Temporal settings it was started with (address, TLS, API key, profile): role processes take the same. */
  temporalEnv: Record<string, string>;
  app: INestApplication;
  db: DataSource;
  /** Calls the API with the bootstrap key; JSON in, parsed JSON (or text) out. */
  api(method: string, path: string, body?: unknown, init?: ApiInit): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiInit {
  headers?: Record<string, string>;
  /** `null`: no Authorization header. */
  key?: string | null;
  /** The body as this exact text (e.g. JSON that JavaScript objects cannot spell, such as a `__proto__` key). */
  raw?: string;
  /** Fail the call (AbortError) rather than wait longer: a stalled service fails the test instead of hanging it. */
  timeoutMs?: number;
  /** Gives up on the answer (e.g. `AbortSignal.timeout(ms)`), so a stalled server fails the test instead of hanging it. */
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
  /** The body as the exact text received. */
  text: string;
}

/** Temporal's own connection settings among `env` (see src/temporal/temporal-settings.ts). */
export function temporalSettings(env: Record<string, string | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && /^TEMPORAL_(ADDRESS|NAMESPACE|API_KEY|TLS\w*|PROFILE|CONFIG_FILE|GRPC_META_\w+)$/.test(name))
      picked[name] = value;
  }
  return picked;
}

/**
 * The whole service in this process against a throwaway database and the run's Temporal dev server, on a
 * task queue of its own so that test files never take each other's work.
 */
export async function startService(label: string, env: Record<string, string> = {}, role: Role = 'all'): Promise<TestService> {
  const temporalAddress = process.env['TEST_TEMPORAL_ADDRESS'];
  if (!temporalAddress) throw new Error('TEST_TEMPORAL_ADDRESS is not set: run tests with `npm test`');
  const database = await createTestDatabase(label);
  const apiKey = generateApiKey();
  const fullEnv: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-${label}-${randomBytes(3).toString('hex')}`,
    TEMPORAL_UI_URL: 'http://localhost:8233',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hookrelay-test-')),
    BOOTSTRAP_API_KEY: apiKey,
    SECRETS_KEY: randomBytes(32).toString('hex'),
    ALLOW_HTTP_TARGETS: 'true',
    ALLOWED_PRIVATE_CIDRS: '127.0.0.0/8',
    LOG_LEVEL: 'warn',
    // Tests ingest far faster than the default quota; this high one still runs the quota statement on every
    // ingest. test/e2e/ingest-quota.test.ts sets its own.
    TENANT_EVENTS_PER_SECOND: '1000000',
    ...env,
  };
  const config = loadConfig(fullEnv, role);
  // A service that does not start (a refused Temporal, say) leaves no database behind.
  const app = await createApp(config).catch(async (err: unknown) => {
    await database.drop();
    throw err;
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const api: TestService['api'] = (method, path, body, init) => callApi(baseUrl, apiKey, method, path, body, init);

  return {
    baseUrl,
    apiKey,
    config,
    temporalEnv: temporalSettings(fullEnv),
    app,
    db: app.get(DataSourceToken),
    api,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** One API call with a key (or `key: null` for none): JSON in, parsed JSON (or text) out. */
export async function callApi(
  baseUrl: string,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
  init: ApiInit = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? apiKey : init.key;
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  let payload: string | undefined = init.raw;
  if (body !== undefined && payload === undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const signal = init.signal ?? (init.timeoutMs === undefined ? undefined : AbortSignal.timeout(init.timeoutMs));
  const res = await fetch(baseUrl + path, { method, headers, body: payload, signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}
