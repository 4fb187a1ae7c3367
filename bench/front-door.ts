// FRONT (issue 24 point 3): the front door as `npm start` runs it, while deliveries flow. One `--role all`
// process (api, worker and dispatcher in one Node process) with its own embedded Temporal dev server on disk, as
// `npm start` starts it, on a database of its own; one subscription receives every event. Against it, in the
// same run, on the same database and with the same 16 clients: the bare insert server (B-ingest).
//   FRONT           single-event ingest, closed loop, 16 clients, deliveries running
//   FRONT p50/p99   an open loop at half FRONT's rate, the backlog of the closed loop still being delivered
// Each repetition waits for its deliveries to drain before the next (bounded), so each starts alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../test/helpers/database.js';
import type { Queryable } from '../src/database/queryable.js';
import { freePort } from '../test/helpers/ports.js';
import { callApi } from '../test/helpers/service.js';
import { type BenchContext, Runs } from './bench-context.js';
import { childPids, measureCpu, postgresBackends, type CpuGroup } from './cpu.js';
import { INGEST_CLIENTS, startBareIngest } from './ingest-bench.js';
import { closedLoop, openLoop } from './ingest-load.js';
import { RoleProcess } from './role-process.js';
import { figure, type Figure } from './stats.js';

const SECONDS = Number(process.env['BENCH_INGEST_SECONDS'] ?? 5);
const OPEN_LOOP_SECONDS = Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 8);
const DRAIN_MS = Number(process.env['BENCH_FRONT_DRAIN_SECONDS'] ?? 300) * 1000;
export const FRONT = 'FRONT ingest events/s (npm start shape, deliveries flowing, 16 clients)';
export const FRONT_BARE = 'B-ingest events/s (FRONT run, same database)';

/** The service under test: its front door's process, every process to measure, and how to stop them all. */
interface Shape {
  front: RoleProcess;
  groups: CpuGroup[];
  stop(): Promise<void>;
}

/**
 * `npm start`'s shape: one `--role all` process that starts its own engine on disk. `BENCH_FRONT_SPLIT=1`: the
 * same engine started beside a `--role api` and a `--role worker` process (no eager starts then), for comparison.
 */
async function startShape(env: Record<string, string>, dataDir: string, nodeArgs: string[]): Promise<Shape> {
  if (!process.env['BENCH_FRONT_SPLIT']) {
    const front = await RoleProcess.start('all', env, 180_000, nodeArgs);
    return {
      front,
      groups: [
        { label: 'npm start process (api + worker)', pids: () => [front.pid] },
        { label: 'its Temporal (on disk)', pids: () => childPids('start-dev', front.pid) },
      ],
      stop: () => front.stop(),
    };
  }
  const { startDevServer } = await import('../src/temporal/dev-server.js');
  const enginesBefore = new Set(childPids('start-dev'));
  const dev = await startDevServer({
    port: Number(env['TEMPORAL_DEV_PORT']),
    uiPort: Number(env['TEMPORAL_DEV_UI_PORT']),
    dbFile: join(dataDir, 'temporal.db'),
    logFile: join(dataDir, 'temporal.log'),
  });
  const engine = childPids('start-dev').filter((pid) => !enginesBefore.has(pid));
  const worker = await RoleProcess.start('worker', { ...env, PORT: String(await freePort()), TEMPORAL_ADDRESS: dev.address }, 180_000);
  const front = await RoleProcess.start('api', { ...env, TEMPORAL_ADDRESS: dev.address }, 180_000, nodeArgs);
  return {
    front,
    groups: [
      { label: 'api process (split)', pids: () => [front.pid] },
      { label: 'worker process (split)', pids: () => [worker.pid] },
      { label: 'its Temporal (on disk)', pids: () => engine },
    ],
    stop: async () => {
      await front.stop();
      await worker.stop();
      await dev.stop();
    },
  };
}

export async function runFrontDoor(ctx: BenchContext): Promise<Record<string, Figure>> {
  const db = await createTestDatabase('bench_front');
  const dataDir = mkdtempSync(join(tmpdir(), 'hookrelay-front-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const prof = process.env['BENCH_CPU_PROF'];
  const split = Boolean(process.env['BENCH_FRONT_SPLIT']);
  ctx.log(
    split
      ? 'FRONT (BENCH_FRONT_SPLIT): an engine on disk, a `--role api` and a `--role worker` process'
      : 'FRONT: a `--role all` process with its own embedded Temporal on disk, as `npm start` runs it',
  );
  const shape = await startShape(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_DEV_UI_PORT: String(await freePort()),
      BOOTSTRAP_API_KEY: ctx.svc.apiKey,
      SECRETS_KEY: ctx.svc.config.secretsKey,
      // What `npm start` would refuse or throttle for a loopback receiver and one key at hundreds of requests/s.
      ALLOW_HTTP_TARGETS: 'true',
      ALLOWED_PRIVATE_CIDRS: '127.0.0.0/8',
      RATE_LIMIT_PER_MINUTE: '100000000',
      // As `npm start` runs by default: request lines at info (JSON to a pipe here, as under a supervisor).
      LOG_LEVEL: process.env['BENCH_FRONT_LOG_LEVEL'] ?? 'info',
    },
    dataDir,
    prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : [],
  );
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const frontDb: Queryable = { query: async (text, params) => (await sql.query(text, params)).rows };
  const bare = await startBareIngest(db.url, await tenantOf(frontDb));
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await callApi(base, ctx.svc.apiKey, method, path, body);
    if (res.status >= 300) throw new Error(`FRONT ${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
  };
  const groups: CpuGroup[] = [
    ...shape.groups,
    { label: 'Postgres', pids: () => postgresBackends(frontDb) },
    { label: 'receiver', pids: () => childPids('receiver-process') },
  ];
  const runs = new Runs();
  try {
    await api('POST', '/v1/event-types', { name: 'bench.front' });
    const path = `/front/${ctx.started}`;
    await api('POST', '/v1/subscriptions', { url: ctx.receiver.url + path, events: ['bench.front'], ping: false });
    const target = { urls: [base], apiKey: ctx.svc.apiKey, type: 'bench.front' };
    let accepted = 0;
    for (let rep = 1; rep <= ctx.reps; rep++) {
      const b = await measureCpu(
        `FRONT rep ${rep}: B-ingest (bare server)`,
        [{ label: 'bare ingest server', pids: () => [bare.pid] }, ...groups],
        () => closedLoop({ urls: [bare.url], apiKey: ctx.svc.apiKey, type: 'bench.front' }, INGEST_CLIENTS, SECONDS),
      );
      runs.record(FRONT_BARE, b.rate);
      const deliveredBefore = await ctx.receiver.count(path);
      const t0 = Date.now();
      const m = await measureCpu(`FRONT rep ${rep}: npm start, deliveries flowing`, groups, () =>
        closedLoop(target, INGEST_CLIENTS, SECONDS),
      );
      const deliveredRate = ((await ctx.receiver.count(path)) - deliveredBefore) / ((Date.now() - t0) / 1000);
      runs.record(FRONT, m.rate);
      runs.record('FRONT deliveries/s during the ingest loop', deliveredRate);
      runs.record('FRONT / B-ingest (>= 0.35)', m.rate / b.rate);
      const half = await measureCpu(`FRONT rep ${rep}: open loop at half FRONT`, groups, () =>
        openLoop(target, m.rate / 2, OPEN_LOOP_SECONDS),
      );
      runs.record('FRONT p50 ms (open loop at half FRONT, backlog delivering)', half.p50);
      runs.record('FRONT p99 ms (open loop at half FRONT, backlog delivering) (<= 50)', half.p99);
      accepted += m.accepted + half.count;
      const drainStart = Date.now();
      await ctx.receiver.waitFor(path, accepted, DRAIN_MS);
      ctx.log(
        `FRONT rep ${rep}: B-ingest ${b.rate.toFixed(0)}/s, ${split ? 'split' : 'npm start'} ${m.rate.toFixed(0)}/s (${(m.rate / b.rate).toFixed(2)}), ` +
          `delivering ${deliveredRate.toFixed(0)}/s meanwhile; p50/p99 ${half.p50.toFixed(1)}/${half.p99.toFixed(1)} ms at ` +
          `${(m.rate / 2).toFixed(0)}/s; ${m.accepted + half.count} deliveries drained ${((Date.now() - drainStart) / 1000).toFixed(0)} s after`,
      );
    }
  } finally {
    await bare.stop();
    await shape.stop();
    await sql.end();
    await db.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(runs.values).map(([k, v]) => [k, figure(v)]));
}

async function tenantOf(db: Queryable): Promise<string> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM tenants ORDER BY id LIMIT 1`);
  if (!rows[0]) throw new Error('FRONT: the npm start process made no tenant');
  return rows[0].id;
}
