// One scenario's world: its own Postgres database, its own Temporal dev server (on a SQLite file), a receiver on a
// fixed port, and the service's roles as processes; a load generator that posts events with Idempotency-Keys and
// retries what got no answer; a drain wait and the final ledger. teardown() stops everything and drops the database.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Agent, request } from 'undici';
import { dropDatabase, ensureDatabase } from '../../src/database/data-source.js';
import { freePort } from '../helpers/ports.js';
import { baseAssertions, ClientLedger, printLedger, reconcile, type DeliveryRow, type LedgerReport } from './ledger.js';
import { ServiceProcess, TemporalServer } from './procs.js';
import { ChaosReceiver } from './receiver.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SERVER = process.env['CHAOS_DATABASE_SERVER'] ?? process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';

/** An integer setting from the environment: the scenario's own (CHAOS_S3_EVENTS), then the suite's (CHAOS_EVENTS). */
export function setting(scenario: number, name: string, fallback: number): number {
  const raw = process.env[`CHAOS_S${scenario}_${name}`] ?? process.env[`CHAOS_${name}`];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`CHAOS_S${scenario}_${name} / CHAOS_${name} must be a non-negative number (got ${raw})`);
  return value;
}

export type Assertion = [name: string, pass: boolean, detail: string];

export interface ScenarioResult {
  ledgers: LedgerReport[];
  assertions: Assertion[];
  notes: string[];
}

export interface Scenario {
  number: number;
  title: string;
  run(ctx: Ctx): Promise<ScenarioResult>;
}

export const EVENT_TYPE = 'chaos.event';
/** Short waits between attempts, so a scenario whose receiver refuses for a while still drains in seconds. */
export const SHORT_RETRY_SCHEDULE = [1, 1, 2, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];

export class Ctx {
  readonly apiKey = 'whk_' + randomBytes(24).toString('base64url');
  readonly secretsKey = randomBytes(32).toString('hex');
  readonly taskQueue: string;
  readonly dbName: string;
  readonly dbUrl: string;
  readonly processes: ServiceProcess[] = [];
  temporal!: TemporalServer;
  receiver!: ChaosReceiver;
  private db?: DataSource;
  private dbCreated = false;
  aborted = false;
  /** Worlds of their own inside this scenario (a baseline run); torn down with this one. */
  private readonly children: Ctx[] = [];
  private readonly agent = new Agent({ connections: 128, keepAliveTimeout: 10_000, headersTimeout: 30_000, bodyTimeout: 30_000 });
  private processCount = 0;

  constructor(
    readonly scenario: Scenario,
    readonly dir: string,
  ) {
    const tag = randomBytes(3).toString('hex');
    this.taskQueue = `chaos-${scenario.number}-${tag}`;
    this.dbName = `hookrelay_chaos_s${scenario.number}_${tag}`;
    this.dbUrl = `${SERVER}/${this.dbName}`;
    mkdirSync(dir, { recursive: true });
  }

  log(msg: string): void {
    console.log(`[chaos ${this.scenario.number}] ${msg}`);
  }

  async setup(): Promise<void> {
    await ensureDatabase(this.dbUrl);
    this.dbCreated = true;
    this.temporal = new TemporalServer({
      port: await freePort(),
      uiPort: await freePort(),
      dbFile: join(this.dir, 'temporal.db'),
      logFile: join(this.dir, 'temporal.log'),
    });
    await this.temporal.start();
    this.receiver = await ChaosReceiver.start(await freePort());
  }

  env(port: number, extra: Record<string, string> = {}): Record<string, string> {
    return {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: this.dbUrl,
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      TEMPORAL_UI_URL: 'http://localhost:8233',
      SECRETS_KEY: this.secretsKey,
      BOOTSTRAP_API_KEY: this.apiKey,
      DATA_DIR: join(this.dir, 'data'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      // Scenario 6 ingests beyond the default quota; a high one keeps the quota statement on the path under test.
      TENANT_EVENTS_PER_SECOND: '1000000',
      ALLOW_HTTP_TARGETS: 'true',
      ALLOWED_PRIVATE_CIDRS: '127.0.0.0/8',
      SWEEP_INTERVAL_MS: '2000',
      LOG_LEVEL: 'warn',
      ...extra,
    };
  }

  /** Starts a role on a fresh port (or the given one: an api restarted where its clients expect it). */
  async start(role: 'api' | 'worker', opts: { port?: number; label?: string; env?: Record<string, string> } = {}): Promise<ServiceProcess> {
    const port = opts.port ?? (await freePort());
    const label = opts.label ?? `${role}-${++this.processCount}`;
    const p = await ServiceProcess.start(role, this.env(port, opts.env), join(this.dir, `${label}.log`), label);
    this.processes.push(p);
    return p;
  }

  /** Crashes of processes the scenario did not kill itself. */
  crashes(): string[] {
    return this.processes
      .filter((p) => p.unexpectedExit)
      .map(
        (p) =>
          `${p.label} exited unasked (code ${p.unexpectedExit!.code}, signal ${p.unexpectedExit!.signal}); see ${join(this.dir, p.label + '.log')}`,
      );
  }

  async call(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }> {
    const res = await request(base + path, {
      method: method as 'POST',
      dispatcher: this.agent,
      headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.statusCode, headers: res.headers, body: parsed };
  }

  /** The event type and one subscription to the receiver (no ping: every request the receiver sees is an event). */
  async subscribe(base: string, extra: Record<string, unknown> = {}): Promise<string> {
    const type = await this.call(base, 'POST', '/v1/event-types', { name: EVENT_TYPE });
    if (type.status !== 201 && type.status !== 409) throw new Error(`event type: ${type.status} ${JSON.stringify(type.body)}`);
    const sub = await this.call(base, 'POST', '/v1/subscriptions', {
      url: `${this.receiver.url}/hook`,
      events: [EVENT_TYPE],
      ping: false,
      retrySchedule: [1, 2, 5, 10, 20, 30],
      ...extra,
    });
    if (sub.status !== 201) throw new Error(`subscription: ${sub.status} ${JSON.stringify(sub.body)}`);
    return sub.body.id as string;
  }

  private dataSource(): DataSource {
    this.db ??= new DataSource({ type: 'postgres', url: this.dbUrl, extra: { max: 2, connectionTimeoutMillis: 5000 }, logging: false });
    return this.db;
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const db = this.dataSource();
    if (!db.isInitialized) await db.initialize();
    return db.query(sql, params);
  }

  /** SQL on the server's `postgres` database (ALTER DATABASE, pg_terminate_backend). */
  async admin<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const ds = new DataSource({ type: 'postgres', url: `${SERVER}/postgres`, logging: false });
    await ds.initialize();
    try {
      return await ds.query(sql, params);
    } finally {
      await ds.destroy();
    }
  }

  /** Opens (and closes) one new connection to the scenario's database; throws if it is refused. */
  async connectOnce(): Promise<void> {
    const ds = new DataSource({ type: 'postgres', url: this.dbUrl, logging: false, extra: { max: 1 } });
    await ds.initialize();
    await ds.destroy();
  }

  rows(): Promise<DeliveryRow[]> {
    return this.query<DeliveryRow>(`SELECT id, event_id, subscription_id, status, attempt_count FROM deliveries`);
  }

  /**
   * Waits until every accepted event has been answered 2xx by the receiver and no delivery row is unfinished, then
   * a quiet period (late duplicates show up in it); bounded by `timeoutMs`. Returns the final rows.
   */
  async drain(client: ClientLedger, timeoutMs: number, quietMs = 3000): Promise<{ rows: DeliveryRow[]; drainedMs: number | null }> {
    const started = Date.now();
    let drainedMs: number | null = null;
    let lastNote = 0;
    while (!this.aborted) {
      const ok = this.receiver.okIds();
      const undelivered = [...client.accepted.values()].filter((a) => !ok.has(a.eventId)).length;
      let unfinished = -1;
      try {
        const [{ n }] = await this.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE status NOT IN ('succeeded', 'failed', 'cancelled')`,
        );
        unfinished = n;
      } catch {
        // database unreachable right now: ask again
      }
      if (undelivered === 0 && unfinished === 0) {
        drainedMs = Date.now() - started;
        break;
      }
      if (Date.now() - started > timeoutMs) {
        this.log(`drain timed out after ${timeoutMs} ms: ${undelivered} accepted events not delivered, ${unfinished} rows unfinished`);
        break;
      }
      if (Date.now() - lastNote > 10_000) {
        lastNote = Date.now();
        this.log(`draining: ${undelivered} accepted events not yet delivered, ${unfinished} rows unfinished`);
      }
      await sleep(500);
    }
    await sleep(quietMs);
    for (let i = 0; ; i++) {
      try {
        return { rows: await this.rows(), drainedMs };
      } catch (err) {
        if (i >= 10) throw err;
        await sleep(1000);
      }
    }
  }

  /** Reconcile, print, and return the ledger with the common assertions. */
  ledger(
    label: string,
    sent: number,
    client: ClientLedger,
    rows: DeliveryRow[],
    extra: Record<string, string | number> = {},
  ): { report: LedgerReport; assertions: Assertion[] } {
    const report = reconcile(label, sent, client, this.receiver, rows);
    Object.assign(report.extra, extra);
    printLedger(report);
    return { report, assertions: baseAssertions(report).map(([n, p, d]) => [`${label}: ${n}`, p, d]) };
  }

  /** A second world for the same scenario (own database, Temporal server and receiver); set up, torn down with this one. */
  async sibling(label: string): Promise<Ctx> {
    const child = new Ctx(this.scenario, join(this.dir, label));
    this.children.push(child);
    await child.setup();
    return child;
  }

  async teardown(): Promise<void> {
    await Promise.all(this.children.map((c) => c.teardown()));
    this.aborted = true;
    await Promise.all(this.processes.map((p) => p.kill9().catch(() => undefined)));
    await this.temporal?.stop().catch(() => undefined);
    await this.receiver?.close().catch(() => undefined);
    await this.agent.close().catch(() => undefined);
    if (this.db?.isInitialized) await this.db.destroy().catch(() => undefined);
    if (this.dbCreated) await dropDatabase(this.dbUrl).catch((err: Error) => this.log(`could not drop ${this.dbName}: ${err.message}`));
  }
}

export interface LoadOptions {
  events: number;
  /** Events per second; 0: as fast as the concurrency allows. */
  rate: number;
  concurrency: number;
  /** Base URLs of the api processes, used in turn. */
  apis: () => string[];
  keyPrefix: string;
  /** Awaited before resending after a connection error (e.g. until the api is back). */
  afterConnectionError?: () => Promise<void>;
  /** Give up on a key after this long. */
  deadlineMs: number;
}

/**
 * Posts `events` events, each with its own Idempotency-Key, and keeps at each one until it gets a 202: after a
 * connection error (no answer) it resends the same key; after a 503 it waits the Retry-After (at most 5 s); a 500
 * is recorded and resent after a second; any other answer is recorded and not resent.
 */
export async function runLoad(ctx: Ctx, client: ClientLedger, opts: LoadOptions): Promise<void> {
  const start = Date.now();
  client.firstPostAt ||= start;
  let inFlight = 0;
  const slots: (() => void)[] = [];
  const acquire = async () => {
    while (inFlight >= opts.concurrency) await new Promise<void>((r) => slots.push(r));
    inFlight++;
  };
  const release = () => {
    inFlight--;
    slots.shift()?.();
  };
  const sends: Promise<void>[] = [];
  for (let i = 0; i < opts.events && !ctx.aborted; i++) {
    if (opts.rate > 0) {
      const wait = start + (i * 1000) / opts.rate - Date.now();
      if (wait > 0) await sleep(wait);
    }
    await acquire();
    sends.push(sendOne(ctx, client, opts, i).finally(release));
  }
  await Promise.all(sends);
}

async function sendOne(ctx: Ctx, client: ClientLedger, opts: LoadOptions, i: number): Promise<void> {
  const key = `${opts.keyPrefix}-${i}`;
  const deadline = Date.now() + opts.deadlineMs;
  for (let attempt = 0; !ctx.aborted; attempt++) {
    if (Date.now() > deadline) break;
    const apis = opts.apis();
    const base = apis[(i + attempt) % apis.length];
    let res: Awaited<ReturnType<Ctx['call']>>;
    try {
      res = await ctx.call(base, 'POST', '/v1/events', { type: EVENT_TYPE, data: { i, key } }, { 'idempotency-key': key });
    } catch {
      client.connectionErrors++;
      client.resentKeys.add(key);
      await (opts.afterConnectionError?.() ?? sleep(500));
      continue;
    }
    client.count(String(res.status));
    if (res.status === 202) {
      client.accept(key, res.body);
      return;
    }
    if (res.status === 503) {
      const retryAfter = Number(res.headers['retry-after']);
      if (!res.headers['retry-after'] || !Number.isFinite(retryAfter)) client.unavailableWithoutRetryAfter++;
      if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json') || res.body?.status !== 503) {
        client.unavailableNotProblem++;
        client.sample(`503 ${res.headers['content-type']} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
      await sleep(Math.min(Number.isFinite(retryAfter) ? retryAfter : 1, 5) * 1000);
      continue;
    }
    client.sample(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    if (res.status >= 500) {
      await sleep(1000);
      continue;
    }
    break;
  }
  client.unanswered.push(key);
}

/** Resolves when `cond` holds (checked every 100 ms) or after `timeoutMs`; returns whether it held. */
export async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}
