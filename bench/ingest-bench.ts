// INGEST: the api's front door against the floor under it, in the same run, with the same 16 clients.
//   B-ingest   a bare Node HTTP server doing one INSERT through pg per request (bench/bare-ingest-process.ts)
//   M1-api     single-event ingest by an api role process alone (no worker; the events match no subscription,
//              so nothing but ingestion runs: auth, validation, routing, quota, the INSERT statement)
//   p99        M1-api's latency in an open loop at half of M1-api's rate
//   M1 full    single-event ingest with deliveries running: api and worker processes, one active subscription
//              to the receiver, so every event is also a workflow start and a delivery during the loop
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchContext, Runs } from './bench-context.js';
import { childPids, measureCpu, postgresBackends, type CpuGroup } from './cpu.js';
import { closedLoop, openLoop } from './ingest-load.js';
import { startRoles } from './roles.js';
import { figure, type Figure } from './stats.js';

/** As in the issue: 16 concurrent clients. */
export const INGEST_CLIENTS = 16;
const SECONDS = Number(process.env['BENCH_INGEST_SECONDS'] ?? 5);
const OPEN_LOOP_SECONDS = Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 8);

export async function startBareIngest(databaseUrl: string, tenantId: string) {
  const child = fork(fileURLToPath(new URL('./bare-ingest-process.js', import.meta.url)), {
    env: { ...process.env, DATABASE_URL: databaseUrl, TENANT_ID: tenantId },
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const { port } = await new Promise<{ port: number }>((r) => child.once('message', r as never));
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.send({ cmd: 'stop' }))),
  };
}

/** The processes whose CPU the benchmark reports beside the role processes. */
export function sharedCpuGroups(ctx: BenchContext): CpuGroup[] {
  return [
    { label: 'Temporal', pids: () => childPids('start-dev') },
    { label: 'Postgres', pids: () => postgresBackends(ctx.svc.db) },
    { label: 'receiver', pids: () => childPids('receiver-process') },
  ];
}

export async function runIngest(ctx: BenchContext): Promise<Record<string, Figure>> {
  const { svc } = ctx;
  const post = async (path: string, body: unknown) => {
    const res = await svc.api('POST', path, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  for (const name of ['bench.ingest', 'bench.ingest.full']) await post('/v1/event-types', { name });
  const [{ tenantId }] = await svc.db.query(`SELECT tenant_id AS "tenantId" FROM event_types WHERE name = 'bench.ingest'`);

  const bare = await startBareIngest(svc.config.databaseUrl, tenantId);
  const roles = await startRoles(svc, ctx.temporalAddress, `bench-ingest-${ctx.started}`, { apis: 1, workers: 0 });
  let worker: Awaited<ReturnType<typeof startRoles>> | undefined;
  const shared = sharedCpuGroups(ctx);
  const api: CpuGroup = { label: 'api', pids: () => roles.apis.map((p) => p.pid) };
  const runs = new Runs();
  try {
    for (let rep = 1; rep <= ctx.reps; rep++) {
      const cpu = <T>(window: string, groups: CpuGroup[], work: () => Promise<T>) =>
        rep === 1 ? measureCpu(window, [...groups, ...shared], work) : work();

      const b = await cpu('B-ingest (bare server)', [{ label: 'bare ingest server', pids: () => [bare.pid] }], () =>
        closedLoop({ urls: [bare.url], apiKey: svc.apiKey, type: 'bench.ingest' }, INGEST_CLIENTS, SECONDS),
      );
      runs.record('B-ingest events/s (bare Node + pg INSERT, 16 clients)', b.rate);

      const target = { urls: roles.urls, apiKey: svc.apiKey, type: 'bench.ingest' };
      const m1 = await cpu('M1-api (api process alone)', [api], () => closedLoop(target, INGEST_CLIENTS, SECONDS));
      runs.record('M1-api ingest events/s (single, api process alone, 16 clients)', m1.rate);

      const half = await openLoop(target, m1.rate / 2, OPEN_LOOP_SECONDS);
      runs.record('M1-api ingest p50 ms (open loop at half M1-api)', half.p50);
      runs.record('M1-api ingest p99 ms (open loop at half M1-api)', half.p99);

      // Deliveries running: a worker process joins and every event now has a delivery to the receiver.
      worker ??= await startRoles(svc, ctx.temporalAddress, `bench-ingest-${ctx.started}`, { apis: 0, workers: 1 });
      const workers: CpuGroup = { label: 'worker', pids: () => worker!.workers.map((p) => p.pid) };
      const path = `/ingest-full/${rep}`;
      const sub = await post('/v1/subscriptions', { url: ctx.receiver.url + path, events: ['bench.ingest.full'], ping: false });
      const full = await cpu('M1 full (api + worker, deliveries running)', [api, workers], async () => {
        const deliveredBefore = await ctx.receiver.count(path);
        const t0 = Date.now();
        const loop = await closedLoop({ ...target, type: 'bench.ingest.full' }, INGEST_CLIENTS, SECONDS);
        return { ...loop, deliveredPerSecond: ((await ctx.receiver.count(path)) - deliveredBefore) / ((Date.now() - t0) / 1000) };
      });
      runs.record('M1 full ingest events/s (single, api + worker processes, deliveries running)', full.rate);
      runs.record('M1 full: deliveries/s during the ingest loop', full.deliveredPerSecond);
      const drainStart = Date.now();
      await ctx.receiver.waitFor(path, full.accepted, 600_000);
      ctx.log(
        `INGEST rep ${rep}: B-ingest ${b.rate.toFixed(0)}/s, M1-api ${m1.rate.toFixed(0)}/s (p99 ${half.p99.toFixed(1)} ms at ` +
          `${(m1.rate / 2).toFixed(0)}/s), M1 full ${full.rate.toFixed(0)}/s; its ${full.accepted} deliveries drained ` +
          `${((Date.now() - drainStart) / 1000).toFixed(0)} s after the loop`,
      );
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    }
  } finally {
    await bare.stop();
    await roles.stop();
    await worker?.stop();
  }
  return Object.fromEntries(Object.entries(runs.values).map(([k, v]) => [k, figure(v)]));
}
