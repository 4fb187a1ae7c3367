// `npm run bench`: measures the service against the parts it stands on, in one run, on loopback.
// Starts its own Temporal dev server (in memory; ENGINE adds the on-disk one `npm start` runs), a throwaway Postgres database, the service (api + worker in
// this process) and a receiver process; prints a table and writes bench/results/<timestamp>.json.
// Bounded: fixed counts per repetition, every wait has a deadline, and everything stops at the end.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { Agent, request } from 'undici';
import { DeliveryDispatcher } from '../src/dispatch/delivery-dispatcher.js';
import { freePort } from '../test/helpers/ports.js';
import { callApi, startService, temporalSettings, type TestService } from '../test/helpers/service.js';
import { startTestTemporal } from '../test/helpers/temporal-server.js';
import { cpuSplits, measureCpu, printCpuSplits } from './cpu.js';
import { attemptsDeferred, bareWithStatusRate } from './engine-cost.js';
import { runDeliveryCost } from './delivery-cost.js';
import { ENGINE_RATIO, ENGINE_RATIO_BEFORE, runEngineOnDisk } from './engine-disk.js';
import { runFrontDoor } from './front-door.js';
import { runIngest, sharedCpuGroups } from './ingest-bench.js';
import { RoleProcess } from './role-process.js';
import { runScaleOut } from './scale-out.js';
import { figure, percentile, type Figure } from './stats.js';

const REPS = Number(process.env['BENCH_REPS'] ?? 3);
const N = Number(process.env['BENCH_EVENTS'] ?? 300);
const CONCURRENCY = 32;
const OPEN_LOOP_SECONDS = Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 8);
const HELD = Number(process.env['BENCH_HELD'] ?? 10_000);
/** RATE: the subscription's limit, per second (and its burst). */
const RATE_LIMIT = Number(process.env['BENCH_RATE_LIMIT'] ?? 20);
const ADMIN = 'bench-admin-key';
/** `BENCH_ONLY=M4,M1` runs only those sections (M2, M3, M4, RATE, M1, M5, ENGINE, COST, FRONT, INGEST, SCALE); unset runs them all. */
const ONLY = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim().toUpperCase());
const wants = (section: string) => !ONLY || ONLY.includes(section);

const log = (msg: string) => console.log(`[bench] ${msg}`);
/** The engine the service's figures run on; ENGINE measures the one `npm start` runs (on disk) beside it. */
const ENGINE = process.env['TEMPORAL_ADDRESS'] ? 'engine at TEMPORAL_ADDRESS' : 'engine in memory';
const B_TEMPORAL = `B-temporal workflows/s (${ENGINE})`;
const B_TEMPORAL_STATUS = `B-temporal + delivery search attributes workflows/s (${ENGINE})`;
const M2 = `M2 deliveries/s (${ENGINE})`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Arrival {
  id: string;
  path: string;
  at: number;
  sentAt: number | null;
}

class Receiver {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}
  static async start(): Promise<Receiver> {
    const child = fork(fileURLToPath(new URL('./receiver-process.js', import.meta.url)));
    const { port } = await new Promise<{ port: number }>((r) => child.once('message', r as never));
    return new Receiver(child, `http://127.0.0.1:${port}`);
  }
  private ask<T>(msg: object): Promise<T> {
    return new Promise((r) => {
      this.child.once('message', r as never);
      this.child.send(msg);
    });
  }
  take = (path: string) => this.ask<{ arrivals: Arrival[] }>({ cmd: 'take', path }).then((m) => m.arrivals);
  count = (path: string) => this.ask<{ count: number }>({ cmd: 'count', path }).then((m) => m.count);
  async waitFor(path: string, n: number, timeoutMs = 180_000): Promise<Arrival[]> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.count(path)) < n) {
      if (Date.now() > deadline) throw new Error(`receiver got ${await this.count(path)} of ${n} on ${path}: the ledger does not balance`);
      await sleep(25);
    }
    return this.take(path);
  }
  stop = () => this.child.send({ cmd: 'stop' });
}

async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

async function post(svc: TestService, path: string, body: unknown, key?: string) {
  const res = await svc.api('POST', path, body, key ? { key } : {});
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function sendBatches(svc: TestService, type: string, count: number, data: (i: number) => Record<string, unknown>, key?: string) {
  const ids: string[] = [];
  for (let sent = 0; sent < count; sent += 500) {
    const n = Math.min(500, count - sent);
    const res = await post(svc, '/v1/events/batch', { events: Array.from({ length: n }, (_, i) => ({ type, data: data(sent + i) })) }, key);
    for (const e of res.data) ids.push(e.id);
  }
  return ids;
}

/**
 * Open loop: call i is due at start + i/rate and is given that time, so falling behind shows as latency rather
 * than as a slower send rate. Returns how many calls were made, once all have settled.
 */
async function paced(rate: number, send: (due: number, i: number) => Promise<unknown>): Promise<number> {
  const total = Math.max(1, Math.round(rate * OPEN_LOOP_SECONDS));
  const start = Date.now() + 100;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(due, i));
  }
  await Promise.all(pending);
  return total;
}

/** One open-loop call: when it was due, when the api answered, and its delivery. */
interface Sent {
  due: number;
  answered: number;
  eventId: string;
  deliveryId: string;
}

async function openLoop(svc: TestService, receiver: Receiver, type: string, path: string, rate: number, key?: string) {
  const sent: Sent[] = [];
  const total = await paced(rate, async (due) => {
    const event = await post(svc, '/v1/events', { type, data: { sentAt: due } }, key);
    sent.push({ due, answered: Date.now(), eventId: event.id, deliveryId: event.deliveries[0]?.id });
  });
  const arrived = await receiver.waitFor(path, total);
  const arrivals = arrived.map((a) => a.at - a.sentAt!);
  return { p50: percentile(arrivals, 50), p95: percentile(arrivals, 95), p99: percentile(arrivals, 99), count: total, sent, arrived };
}

/**
 * Where the slowest deliveries' time went, from the open loop's own clock and the workflow's history: the api's
 * answer (ingestion), the workflow's start (the start pump and the engine's start), its first workflow task
 * (the task queue), and the webhook's arrival (the attempt in the worker). One line per delivery, slowest first.
 */
async function stages(client: Client, sent: Sent[], arrived: Arrival[], n: number): Promise<string[]> {
  const at = new Map(arrived.map((a) => [a.id, a.at]));
  const slowest = [...sent].sort((x, y) => at.get(y.eventId)! - y.due - (at.get(x.eventId)! - x.due)).slice(0, n);
  const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
    Number(t?.seconds ?? 0) * 1000 + Math.round((t?.nanos ?? 0) / 1e6);
  return Promise.all(
    slowest.map(async (s) => {
      const history = await client.workflow.getHandle(`delivery-${s.deliveryId}`).fetchHistory();
      const events = history.events ?? [];
      const started = ms(events[0]?.eventTime);
      const taskStarted = ms(events.find((e) => e.workflowTaskStartedEventAttributes)?.eventTime);
      const arrival = at.get(s.eventId)!;
      return (
        `${arrival - s.due} ms: ingest ${s.answered - s.due}, to workflow start ${started - s.answered}, ` +
        `to first task ${taskStarted - started}, to arrival ${arrival - taskStarted}`
      );
    }),
  );
}

const FIFO_LINES = 10;

/** The FIFO ledger: every event once, and each line's events in the order they were sent. */
function assertFifo(sentIds: string[], arrivals: Arrival[]): void {
  const position = new Map(sentIds.map((id, i) => [id, i]));
  const last = new Map<number, number>();
  if (new Set(arrivals.map((a) => a.id)).size !== sentIds.length) throw new Error('M2-fifo ledger does not balance');
  for (const a of [...arrivals].sort((x, y) => x.at - y.at)) {
    const i = position.get(a.id);
    if (i === undefined) throw new Error(`M2-fifo: unknown event ${a.id}`);
    if ((last.get(i % FIFO_LINES) ?? -1) > i) throw new Error(`M2-fifo: line ${i % FIFO_LINES} out of order at event ${i}`);
    last.set(i % FIFO_LINES, i);
  }
}

async function main() {
  const started = Date.now();
  const temporal = process.env['TEMPORAL_ADDRESS']
    ? { address: process.env['TEMPORAL_ADDRESS'], stop: async () => {} }
    : await startTestTemporal();
  process.env['TEST_TEMPORAL_ADDRESS'] = temporal.address;
  const svc = await startService('bench', {
    // A Temporal of one's own: its TLS, API key or profile too.
    ...(process.env['TEMPORAL_ADDRESS'] ? temporalSettings(process.env) : {}),
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '100000000',
    TENANT_EVENTS_PER_SECOND: '1000000',
    ADMIN_API_KEY: ADMIN,
  });
  const receiver = await Receiver.start();
  log(`service up, Temporal at ${temporal.address}, receiver at ${receiver.url}`);

  // The engine's ceiling: the same connection, worker settings and workflow shape, doing nothing.
  const latencies: number[] = [];
  const bareQueue = 'bench-bare';
  const bareWorker = await Worker.create({
    connection: svc.app.get(NativeConnection),
    taskQueue: bareQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./bare.workflow.js', import.meta.url)),
      logger: new DefaultLogger('WARN'),
    }),
    activities: { noop: async (startedAt: number) => void latencies.push(Date.now() - startedAt) },
    maxConcurrentLocalActivityExecutions: svc.config.workerMaxActivities,
  });
  const bareRunning = bareWorker.run();
  const client = svc.app.get(Client);
  const benchCtx = { svc, temporalAddress: temporal.address, client, receiver, reps: REPS, engine: ENGINE, started, log };

  // ENGINE first, while the service is idle: the engine as `npm start` runs it (on disk) beside in memory.
  const results: Record<string, Figure> = {};
  if (wants('ENGINE'))
    Object.assign(
      results,
      await runEngineOnDisk(benchCtx, { n: N, concurrency: CONCURRENCY, maxActivities: svc.config.workerMaxActivities }),
    );

  // COST: what each part of a delivery costs the engine, in memory and on disk, beside M2 on each.
  if (wants('COST')) Object.assign(results, await runDeliveryCost(benchCtx, { maxActivities: svc.config.workerMaxActivities }));

  // FRONT: the front door as `npm start` runs it (one process, its own engine on disk) while deliveries flow.
  if (wants('FRONT')) Object.assign(results, await runFrontDoor(benchCtx));

  for (const name of ['bench.m1', 'bench.m2', 'bench.fifo', 'bench.m3', 'bench.storm', 'bench.rate'])
    await post(svc, '/v1/event-types', { name });
  const subscribe = (path: string, events: string[], extra: Record<string, unknown> = {}, key?: string) =>
    post(svc, '/v1/subscriptions', { url: receiver.url + path, events, ping: false, ...extra }, key);

  const runs: Record<string, number[]> = {};
  const record = (name: string, value: number) => (runs[name] ??= []).push(value);

  for (let rep = 1; rep <= REPS && wants('M2'); rep++) {
    log(`repetition ${rep} of ${REPS}`);
    // B-temporal
    latencies.length = 0;
    let t0 = Date.now();
    const handles: Promise<unknown>[] = [];
    await pool(Array.from({ length: N }), CONCURRENCY, async (_, i) => {
      const handle = await client.workflow.start('bare', {
        taskQueue: bareQueue,
        workflowId: `bare-${rep}-${i}-${started}`,
        args: [Date.now()],
        requestEagerStart: true,
      });
      handles.push(handle.result());
    });
    await Promise.all(handles);
    record(B_TEMPORAL, N / ((Date.now() - t0) / 1000));
    record(`B-temporal start-to-activity p50 ms at full speed (${ENGINE})`, percentile(latencies, 50));
    const withStatus = await bareWithStatusRate(client, bareQueue, N, CONCURRENCY, `bare-status-${rep}-${started}`);
    record(B_TEMPORAL_STATUS, withStatus.rate);
    if (rep === 1) record('history events per bare workflow + status upsert', withStatus.historyEvents);

    // B-http
    const agent = new Agent({ connections: CONCURRENCY });
    t0 = Date.now();
    await pool(Array.from({ length: N * 4 }), CONCURRENCY, async () => {
      const res = await request(receiver.url + `/http/${rep}`, { method: 'POST', body: '{}', dispatcher: agent });
      await res.body.dump();
    });
    record('B-http requests/s', (N * 4) / ((Date.now() - t0) / 1000));
    await agent.close();

    // M2: a backlog of N deliveries, accepted to answered.
    const m2 = await subscribe(`/m2/${rep}`, ['bench.m2']);
    const deferredBefore = await attemptsDeferred(svc);
    t0 = Date.now();
    const backlog = async () => ({
      ids: await sendBatches(svc, 'bench.m2', N, (i) => ({ i })),
      arrivals: await receiver.waitFor(`/m2/${rep}`, N),
    });
    const { ids: m2Ids, arrivals: m2Arrivals } =
      rep === 1
        ? await measureCpu(
            'M2 backlog, --role all in the bench process',
            sharedCpuGroups(benchCtx),
            backlog,
            'bench process (service + client)',
          )
        : await backlog();
    record(M2, N / ((Math.max(...m2Arrivals.map((a) => a.at)) - t0) / 1000));
    record('M2 attempts deferred by the attempt share (per backlog)', (await attemptsDeferred(svc)) - deferredBefore);
    if (new Set(m2Arrivals.map((a) => a.id)).size !== N || !m2Ids.every((id) => m2Arrivals.some((a) => a.id === id)))
      throw new Error('M2 ledger does not balance');
    await svc.api('DELETE', `/v1/subscriptions/${m2.id}`);

    // M2-fifo: the same backlog to a FIFO subscription in 10 lines, each delivery after the one before it.
    const fifo = await subscribe(`/fifo/${rep}`, ['bench.fifo'], { ordering: 'fifo', orderingKey: '/line' });
    t0 = Date.now();
    const fifoIds = await sendBatches(svc, 'bench.fifo', N, (i) => ({ line: i % FIFO_LINES }));
    const fifoArrivals = await receiver.waitFor(`/fifo/${rep}`, N);
    record(`M2-fifo deliveries/s (10 lines, ${ENGINE})`, N / ((Math.max(...fifoArrivals.map((a) => a.at)) - t0) / 1000));
    assertFifo(fifoIds, fifoArrivals);
    await svc.api('DELETE', `/v1/subscriptions/${fifo.id}`);
  }
  for (const [name, values] of Object.entries(runs)) results[name] = figure(values);
  // Without M2 (BENCH_ONLY), the rates derived from it come from BENCH_M2_RATE.
  const m2Rate = results[M2]?.median ?? Number(process.env['BENCH_M2_RATE'] ?? 40);

  // Where the engine's work goes: history events of one delivery and of one bare workflow.
  const historyLength = async (workflowId: string) => {
    await svc.app.get(DeliveryDispatcher).whenIdle();
    await client.workflow.getHandle(workflowId).result();
    return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? NaN;
  };
  if (wants('M2')) {
    const sampleSub = await subscribe('/sample', ['bench.m2']);
    const sampled = (await post(svc, '/v1/events', { type: 'bench.m2', data: {} })) as { deliveries: { id: string }[] };
    results['history events per delivery (2xx)'] = figure([await historyLength(`delivery-${sampled.deliveries[0].id}`)]);
    results['history events per bare workflow'] = figure([await historyLength(`bare-1-0-${started}`)]);
    await svc.api('DELETE', `/v1/subscriptions/${sampleSub.id}`);
  }

  // The engine's own start-to-activity latency at the same half rate, as M3's baseline.
  const bareAtHalf: number[] = [];
  for (let rep = 1; rep <= REPS && wants('M3'); rep++) {
    latencies.length = 0;
    await paced(m2Rate / 2, async (due, i) => {
      const handle = await client.workflow.start('bare', {
        taskQueue: bareQueue,
        workflowId: `bare-half-${rep}-${i}-${started}`,
        args: [due],
        requestEagerStart: true,
      });
      await handle.result();
    });
    bareAtHalf.push(percentile(latencies, 50));
  }
  if (wants('M3')) results[`B-temporal start-to-activity p50 ms at M3 rate (${ENGINE})`] = figure(bareAtHalf);

  // M3: latency at half of M2's rate.
  const m3Runs: { p50: number; p95: number; p99: number }[] = [];
  for (let rep = 1; rep <= REPS && wants('M3'); rep++) {
    const sub = await subscribe(`/m3/${rep}`, ['bench.m3']);
    m3Runs.push(await openLoop(svc, receiver, 'bench.m3', `/m3/${rep}`, m2Rate / 2));
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  }
  if (wants('M3')) for (const p of ['p50', 'p95', 'p99'] as const) results[`M3 latency ${p} ms`] = figure(m3Runs.map((r) => r[p]));

  // M4: a healthy tenant's p99 during another tenant's retry storm, divided by its p99 without one. The storm:
  // as many events as M2 delivers in a second, to an endpoint that answers 500 to everything, retried every
  // second 20 times. Two windows of the healthy tenant's open loop: the first 8 s (the storm's first attempts,
  // a one-second burst of engine work, land here) and the next 8 s (the retry storm proper).
  const other = await post(svc, '/v1/tenants', { name: 'bench-healthy' }, ADMIN);
  await post(svc, '/v1/event-types', { name: 'bench.m4' }, other.apiKey);
  const m4: number[] = [];
  const m4Burst: number[] = [];
  for (let rep = 1; rep <= REPS && wants('M4'); rep++) {
    const healthyOpenLoop = async (path: string) => {
      const sub = await subscribe(path, ['bench.m4'], {}, other.apiKey);
      const failedBefore = await receiver.count(`/fail/${rep}`);
      const latency = await openLoop(svc, receiver, 'bench.m4', path, m2Rate / 4, other.apiKey);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`, undefined, { key: other.apiKey });
      return { ...latency, failingAttempts: (await receiver.count(`/fail/${rep}`)) - failedBefore };
    };
    const calm = await healthyOpenLoop(`/m4calm/${rep}`);
    const storm = await subscribe(`/fail/${rep}`, ['bench.storm'], { retrySchedule: Array(20).fill(1) });
    await sendBatches(svc, 'bench.storm', Math.round(m2Rate), (i) => ({ i }));
    const burst = await healthyOpenLoop(`/m4burst/${rep}`);
    const retries = await healthyOpenLoop(`/m4retry/${rep}`);
    for (const line of await stages(client, burst.sent, burst.arrived, 3)) log(`M4 rep ${rep} first window, slowest: ${line}`);
    await svc.api('DELETE', `/v1/subscriptions/${storm.id}`);
    await sleep(5000); // let the cancelled storm settle before the next calm measurement
    m4.push(retries.p99 / calm.p99);
    m4Burst.push(burst.p99 / calm.p99);
    log(
      `M4 rep ${rep}: healthy p99 ${calm.p99.toFixed(0)} ms calm, ${burst.p99.toFixed(0)} ms in the storm's first 8 s ` +
        `(${burst.failingAttempts} failing attempts), ${retries.p99.toFixed(0)} ms in the next 8 s (${retries.failingAttempts} failing attempts)`,
    );
  }
  if (wants('M4')) {
    results['M4 healthy p99 ratio (retry storm / calm)'] = figure(m4);
    results['M4 healthy p99 ratio (storm burst incl. first attempts / calm)'] = figure(m4Burst);
  }

  // RATE: N events at once to a subscription limited to RATE_LIMIT/s (burst RATE_LIMIT): every one arrives, the
  // rate after the burst against the limit (1.0: the limit is used, above it: broken), and the busiest second
  // against what GCRA allows (burst + rate).
  for (let rep = 1; rep <= REPS && wants('RATE'); rep++) {
    const path = `/rate-${rep}`;
    const limited = await subscribe(path, ['bench.rate'], { rateLimit: { perSecond: RATE_LIMIT, burst: RATE_LIMIT } });
    const ids = await sendBatches(svc, 'bench.rate', N, (i) => ({ i }));
    const arrivals = await receiver.waitFor(path, N, 120_000 + (N / RATE_LIMIT) * 1000);
    if (new Set(arrivals.map((a) => a.id)).size !== ids.length || arrivals.length !== ids.length)
      throw new Error(`RATE ledger: ${arrivals.length} arrivals of ${ids.length} events`);
    const times = arrivals.map((a) => a.at).sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; j < times.length; j++) {
      while (times[j] - times[i] >= 1000) i++;
      busiest = Math.max(busiest, j - i + 1);
    }
    record('RATE achieved/limit after the burst', (N - RATE_LIMIT) / ((times.at(-1)! - times[0]) / 1000) / RATE_LIMIT);
    record('RATE busiest second / (burst + rate)', busiest / (2 * RATE_LIMIT));
    record('RATE seconds for all (ideal (N - burst) / rate)', (times.at(-1)! - times[0]) / 1000);
    await svc.api('DELETE', `/v1/subscriptions/${limited.id}`);
  }
  if (wants('RATE'))
    for (const name of [
      'RATE achieved/limit after the burst',
      'RATE busiest second / (burst + rate)',
      'RATE seconds for all (ideal (N - burst) / rate)',
    ])
      results[name] = figure(runs[name]);

  // M1: ingestion into a paused subscription (deliveries held, so nothing but ingestion runs).
  const held = await subscribe('/held', ['bench.m1']);
  await svc.api('POST', `/v1/subscriptions/${held.id}/pause`);
  const m1Single: number[] = [];
  const m1Batch: number[] = [];
  for (let rep = 1; rep <= REPS && wants('M1'); rep++) {
    let t = Date.now();
    await pool(
      Array.from({ length: N }),
      CONCURRENCY,
      async (_, i) => void (await post(svc, '/v1/events', { type: 'bench.m1', data: { i } })),
    );
    m1Single.push(N / ((Date.now() - t) / 1000));
    t = Date.now();
    await sendBatches(svc, 'bench.m1', 1000, (i) => ({ i }));
    m1Batch.push(1000 / ((Date.now() - t) / 1000));
  }
  if (wants('M1')) {
    results['M1 ingest events/s (single)'] = figure(m1Single);
    results['M1 ingest events/s (batch)'] = figure(m1Batch);
  }

  await svc.app.get(DeliveryDispatcher).whenIdle(); // M1's held deliveries all started: a quiet engine for M5

  // M5: the api and the worker as processes of their own (the deployed shape, on a task queue of their own),
  // their resident memory read from outside after a warm-up and again with HELD more deliveries held, each time
  // once the work is done and the memory has stopped falling (see RoleProcess.settledRss).
  let heldCount = 0;
  if (wants('M5')) {
    const heldQueue = `bench-held-${started}`;
    const roleEnv = (port: number) => ({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: svc.config.databaseUrl,
      ...svc.temporalEnv,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: heldQueue,
      SECRETS_KEY: svc.config.secretsKey,
      BOOTSTRAP_API_KEY: svc.apiKey,
      DATA_DIR: svc.config.dataDir,
      RATE_LIMIT_PER_MINUTE: '100000000',
      TENANT_EVENTS_PER_SECOND: '1000000',
      ALLOW_HTTP_TARGETS: 'true',
      ALLOWED_PRIVATE_CIDRS: '127.0.0.0/8',
      LOG_LEVEL: 'warn',
    });
    const workerProcess = await RoleProcess.start('worker', roleEnv(await freePort()));
    const apiPort = await freePort();
    const apiProcess = await RoleProcess.start('api', roleEnv(apiPort));
    const apiOut: TestService = {
      ...svc,
      baseUrl: `http://127.0.0.1:${apiPort}`,
      api: (method, path, body, init) => callApi(`http://127.0.0.1:${apiPort}`, svc.apiKey, method, path, body, init),
    };
    const processes = [apiProcess, workerProcess];
    await post(apiOut, '/v1/event-types', { name: 'bench.m5' });
    const heldSub = await post(apiOut, '/v1/subscriptions', { url: receiver.url + '/held-out', events: ['bench.m5'], ping: false });
    await apiOut.api('POST', `/v1/subscriptions/${heldSub.id}/pause`);
    const fill = async (count: number) => {
      await sendBatches(apiOut, 'bench.m5', count, (i) => ({ i }));
      // The api has started every workflow once it has marked them all dispatched; the worker is done when quiet.
      const deadline = Date.now() + 300_000;
      for (;;) {
        const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND NOT dispatched`, [
          heldSub.id,
        ]);
        if (n === 0) break;
        if (Date.now() > deadline) throw new Error(`${n} held deliveries still without a workflow`);
        await sleep(500);
      }
      for (const p of processes) if (!(await p.settle())) log(`M5: the ${p.role} process was still busy after 300 s; measuring anyway`);
    };
    const warmUp = 1000;
    await fill(warmUp);
    const before = await Promise.all(processes.map((p) => p.settledRss()));
    const heapBefore = await workerProcess.heapUsed();
    log(
      `M5: ${warmUp} held to warm up; api ${(before[0] / 2 ** 20).toFixed(0)} MiB, worker ${(before[1] / 2 ** 20).toFixed(0)} MiB; adding ${HELD}`,
    );
    await fill(HELD);
    const after = await Promise.all(processes.map((p) => p.settledRss()));
    const heapAfter = await workerProcess.heapUsed();
    const [{ n: heldRows }] = await svc.db.query(
      `SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND status = 'held'`,
      [heldSub.id],
    );
    if (heldRows !== warmUp + HELD) throw new Error(`ledger: ${heldRows} deliveries held of ${warmUp + HELD} accepted`);
    const perThousand = (i: number) => (after[i] - before[i]) / 2 ** 20 / (HELD / 1000);
    results['M5 api RSS MiB per 1,000 held (own process)'] = figure([perThousand(0)]);
    results['M5 worker RSS MiB per 1,000 held (own process)'] = figure([perThousand(1)]);
    results['M5 worker JS heap MiB per 1,000 held (own process)'] = figure([(heapAfter - heapBefore) / 2 ** 20 / (HELD / 1000)]);
    results['M5 worker RSS MiB with all held (own process)'] = figure([after[1] / 2 ** 20]);
    for (const p of processes) await p.stop();
    heldCount = warmUp + HELD;
  }

  if (wants('INGEST')) Object.assign(results, await runIngest(benchCtx));
  if (wants('SCALE')) Object.assign(results, await runScaleOut(benchCtx));

  const median = (name: string) => results[name]?.median ?? NaN;
  const ratios = {
    'M2 / B-temporal (>= 0.95)': median(M2) / median(B_TEMPORAL),
    [`${ENGINE_RATIO} (>= 0.9)`]: median(ENGINE_RATIO),
    [ENGINE_RATIO_BEFORE]: median(ENGINE_RATIO_BEFORE),
    'M1-api / B-ingest (>= 0.5)':
      median('M1-api ingest events/s (single, api process alone, 16 clients)') /
      median('B-ingest events/s (bare Node + pg INSERT, 16 clients)'),
    'M1 full / M1-api':
      median('M1 full ingest events/s (single, api + worker processes, deliveries running)') /
      median('M1-api ingest events/s (single, api process alone, 16 clients)'),
    'SCALE M1, 2 api + 2 worker / 1 pair':
      median('SCALE M1 ingest events/s (2 api + 2 worker)') / median('SCALE M1 ingest events/s (1 api + 1 worker)'),
    'SCALE M2, 2 api + 2 worker / 1 pair':
      median(`SCALE M2 deliveries/s (2 api + 2 worker, ${ENGINE})`) / median(`SCALE M2 deliveries/s (1 api + 1 worker, ${ENGINE})`),
    'M2 / B-temporal + delivery search attributes': median(M2) / median(B_TEMPORAL_STATUS),
    'B-temporal + delivery search attributes / B-temporal': median(B_TEMPORAL_STATUS) / median(B_TEMPORAL),
    'M2-fifo (10 lines) / M2': median(`M2-fifo deliveries/s (10 lines, ${ENGINE})`) / median(M2),
    'M3 p50 - B-temporal start-to-activity p50 at the same rate, ms (<= 25)':
      median('M3 latency p50 ms') - median(`B-temporal start-to-activity p50 ms at M3 rate (${ENGINE})`),
    'M4 (<= 2.0)': median('M4 healthy p99 ratio (retry storm / calm)'),
    'M4 first window (burst / calm) (<= 3)': median('M4 healthy p99 ratio (storm burst incl. first attempts / calm)'),
    'M1 batch / M2 (>= 5)': median('M1 ingest events/s (batch)') / median(M2),
    'M5 worker MiB per 1,000 held (<= 5)': median('M5 worker RSS MiB per 1,000 held (own process)'),
  };

  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
  console.log('\n| measure | median | min | max |\n|---|---|---|---|');
  for (const [name, f] of Object.entries(results)) console.log(`| ${name} | ${fmt(f.median)} | ${fmt(f.min)} | ${fmt(f.max)} |`);
  console.log('\n| target | value |\n|---|---|');
  for (const [name, v] of Object.entries(ratios)) if (!Number.isNaN(v)) console.log(`| ${name} | ${fmt(v)} |`);
  printCpuSplits();
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), machine, reps: REPS, events: N, concurrency: CONCURRENCY, heldCount, results, ratios, cpuSplits },
      null,
      2,
    ),
  );
  log(`ledger balanced; results in ${file}; ${((Date.now() - started) / 1000).toFixed(0)} s`);

  bareWorker.shutdown();
  await bareRunning;
  receiver.stop();
  await svc.close();
  await temporal.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
