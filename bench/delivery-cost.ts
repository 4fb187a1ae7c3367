// COST (issue 24 point 2): what each part of a delivery costs the engine, as a ratio to B-temporal measured side by
// side. On two engines, the run's dev server in memory and one on disk as `npm start` runs it, each with a bare
// worker and a service of its own: B-temporal bare, B-temporal plus one part alone (the four search attributes at
// start, the `DeliveryStatus` upsert at the end, the summary and details, the fairness key, a `patched()` check, a
// start that is not eager), B-temporal in a delivery's whole shape before and after the cut of the upsert on a
// first-attempt success, and M2 (the service's backlog). Every repetition runs them all, in an order rotated each
// time; each ratio is taken within its repetition and engine, then the median. Besides rates, the dev server's CPU
// time per workflow: on a machine shared with other jobs it moves far less than a rate does (docs/performance.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type WorkflowStartOptions } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { durableSqlitePragmas, startDevServer, type DevServer } from '../src/temporal/dev-server.js';
import { freePort } from '../test/helpers/ports.js';
import { startService, type TestService } from '../test/helpers/service.js';
import { searchAttributes, workflowIdFor } from '../workflows/contracts.js';
import type { BenchContext } from './bench-context.js';
import { childPids, cpuSecondsOf } from './cpu.js';
import { attemptsDeferred } from './engine-cost.js';
import { figure, type Figure } from './stats.js';

/** Workflows (or deliveries) per measurement; each measurement also stops at DEADLINE_MS. */
const N = Number(process.env['BENCH_COST_N'] ?? 100);
const CONCURRENCY = 32;
const DEADLINE_MS = 120_000;
/** No repetition starts unless one more (as long as the last) ends within this many seconds of the section's start. */
const BUDGET_S = Number(process.env['BENCH_COST_SECONDS'] ?? 270);
/** `BENCH_COST_ENGINES=disk` (or `memory`) measures on one engine only. */
const ENGINES = (process.env['BENCH_COST_ENGINES'] ?? 'memory,disk').split(',').map((e) => e.trim());
const TASK_QUEUE = 'bench-cost-bare';

type StartShape = Pick<WorkflowStartOptions, 'typedSearchAttributes' | 'staticSummary' | 'staticDetails' | 'priority'> & {
  requestEagerStart?: boolean;
};

interface Part {
  label: string;
  workflow: 'bare' | 'bareWithStatus' | 'bareWithPatch';
  start: StartShape;
}

const fourAttributes: StartShape['typedSearchAttributes'] = [
  { key: searchAttributes.tenantId, value: 'ten_bench' },
  { key: searchAttributes.subscriptionId, value: 'sub_bench' },
  { key: searchAttributes.eventType, value: 'bench.cost' },
  { key: searchAttributes.deliveryStatus, value: 'scheduled' },
];
const summary = { staticSummary: 'bench.cost to 127.0.0.1', staticDetails: 'subscription sub_bench' };
const fairness = { priority: { fairnessKey: 'ten_bench' } };

export const BARE = 'bare (eager, one local activity)';
/** A delivery's whole engine shape as the service starts and ends one (workflow-dispatch.ts, deliver.workflow.ts). */
export const DELIVERY_SHAPE = "all of a delivery's parts";
/** The same with a trial cut (not taken, see docs/performance.md): a delivery that succeeds at once ends without the upsert. */
export const DELIVERY_SHAPE_CUT = "a delivery's parts after the cut (no upsert on a first-attempt success)";
const PARTS: Part[] = [
  { label: BARE, workflow: 'bare', start: { requestEagerStart: true } },
  { label: '+ 4 search attributes at start', workflow: 'bare', start: { requestEagerStart: true, typedSearchAttributes: fourAttributes } },
  { label: '+ DeliveryStatus upsert at the end', workflow: 'bareWithStatus', start: { requestEagerStart: true } },
  // What a `patched()` check costs a new run: its marker, and the `TemporalChangeVersion` upsert core adds to it.
  { label: '+ a patch marker at the end', workflow: 'bareWithPatch', start: { requestEagerStart: true } },
  { label: '+ summary and details', workflow: 'bare', start: { requestEagerStart: true, ...summary } },
  { label: '+ fairness key', workflow: 'bare', start: { requestEagerStart: true, ...fairness } },
  { label: 'not eager (first task polled)', workflow: 'bare', start: { requestEagerStart: false } },
  {
    label: DELIVERY_SHAPE,
    workflow: 'bareWithStatus',
    start: { requestEagerStart: true, typedSearchAttributes: fourAttributes, ...summary, ...fairness },
  },
  {
    label: DELIVERY_SHAPE_CUT,
    workflow: 'bare',
    start: { requestEagerStart: true, typedSearchAttributes: fourAttributes, ...summary, ...fairness },
  },
];
const M2 = 'M2 (the service, a backlog of N deliveries)';
const M2_TO_ARRIVAL = 'M2 to the last arrival (as run-bench.ts measures it)';

interface Engine {
  label: string;
  client: Client;
  connection: NativeConnection;
  worker: Worker;
  running: Promise<void>;
  svc: TestService;
  /** The dev server's process, for its CPU time. */
  pid: number;
  /** The service and server this section started (the in-memory engine's are the run's own). */
  ownSvc: boolean;
  server?: DevServer;
}

export async function runDeliveryCost(ctx: BenchContext, opts: { maxActivities: number }): Promise<Record<string, Figure>> {
  const dir = mkdtempSync(join(tmpdir(), 'hookrelay-bench-cost-'));
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./bare.workflow.js', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  const engines: Engine[] = [];
  const addEngine = async (label: string, address: string, svc: TestService, server?: DevServer) => {
    const connection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      workflowBundle,
      activities: { noop: async () => {} },
      maxConcurrentLocalActivityExecutions: opts.maxActivities,
    });
    const [pid] = childPids(`--port ${address.split(':').at(-1)} `);
    if (!pid) throw new Error(`COST: no dev server of this process listens at ${address} (TEMPORAL_ADDRESS is not measured here)`);
    engines.push({
      label,
      client: new Client({ connection }),
      connection,
      worker,
      running: worker.run(),
      svc,
      pid,
      ownSvc: !!server,
      server,
    });
  };
  /** A dev server on a SQLite file as `npm start` runs it, and a service of its own on it. */
  const addDiskEngine = async () => {
    const server = await startDevServer({
      port: await freePort(),
      uiPort: await freePort(),
      headless: true,
      dbFile: join(dir, 'temporal.db'),
      sqlitePragmas: durableSqlitePragmas,
      logFile: join(dir, 'temporal.log'),
    });
    const diskSvc = await startService('bench-cost-disk', {
      TEMPORAL_ADDRESS: server.address,
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '100000000',
      TENANT_EVENTS_PER_SECOND: '1000000',
    }).catch(async (err: unknown) => {
      await server.stop();
      throw err;
    });
    await addEngine(`engine on disk as npm start runs it (${durableSqlitePragmas.join(', ')})`, server.address, diskSvc, server);
  };
  try {
    const sectionStart = Date.now();
    if (ENGINES.includes('memory')) await addEngine(ctx.engine, ctx.temporalAddress, ctx.svc);
    if (ENGINES.includes('disk')) await addDiskEngine();
    for (const e of engines) await post(e.svc, '/v1/event-types', { name: 'bench.cost' });
    // Warm-up, not measured: each engine's first workflows, each worker's first activations, the service's first
    // statements, and a fresh SQLite file's growth.
    for (const [i, e] of engines.entries()) {
      await withDeadline(
        'warm-up',
        bareRate(
          e.client,
          PARTS.find((p) => p.label === DELIVERY_SHAPE)!,
          `cost-warm-${i}-${ctx.started}`,
        ),
      );
      await withDeadline('warm-up', m2Rate(ctx, e.svc, `/cost/warm/${i}`));
    }
    ctx.log(`COST: ${PARTS.length} shapes and M2 on ${engines.length} engines, ${N} each, ${ctx.reps} repetitions`);

    const rates = new Map<string, number[]>();
    /** Per workflow: the dev server's CPU ms, and this process's (workers, client; for M2 the service too). */
    const engineMs = new Map<string, number[]>();
    const processMs = new Map<string, number[]>();
    const deferred = new Map<string, number[]>();
    const historyEvents: Record<string, Figure> = {};
    const cells = engines.flatMap((engine) => [...PARTS.map((part) => ({ engine, part })), { engine, part: undefined }]);
    let lastRepMs = 0;
    for (let rep = 1; rep <= ctx.reps; rep++) {
      if (rep > 1 && Date.now() - sectionStart + lastRepMs > BUDGET_S * 1000) {
        ctx.log(`COST: stopping after ${rep - 1} repetitions, one more would pass ${BUDGET_S} s`);
        break;
      }
      const repStart = Date.now();
      const shift = ((rep - 1) * 3) % cells.length;
      for (const { engine, part } of [...cells.slice(shift), ...cells.slice(0, shift)]) {
        const label = `${engine.label}: ${part?.label ?? M2}`;
        const idPrefix = `cost-${rep}-${engines.indexOf(engine)}-${PARTS.indexOf(part!)}-${ctx.started}`;
        let rate: number;
        const engineCpu = cpuSecondsOf(engine.pid);
        const ownCpu = process.cpuUsage();
        if (part) {
          rate = await withDeadline(label, bareRate(engine.client, part, idPrefix));
          if (rep === 1)
            historyEvents[`COST history events, ${part.label}`] = figure([await historyLength(engine.client, `${idPrefix}-0`)]);
        } else {
          const before = await attemptsDeferred(engine.svc);
          const m2 = await withDeadline(label, m2Rate(ctx, engine.svc, `/cost/${rep}/${engines.indexOf(engine)}`));
          rate = m2.toClosed;
          const arrivalLabel = `${engine.label}: ${M2_TO_ARRIVAL}`;
          (rates.get(arrivalLabel) ?? rates.set(arrivalLabel, []).get(arrivalLabel)!).push(m2.toArrival);
          (deferred.get(engine.label) ?? deferred.set(engine.label, []).get(engine.label)!).push(
            (await attemptsDeferred(engine.svc)) - before,
          );
        }
        (rates.get(label) ?? rates.set(label, []).get(label)!).push(rate);
        const cpuMs = (cpuSecondsOf(engine.pid) - engineCpu) * 1000;
        const own = process.cpuUsage(ownCpu);
        (engineMs.get(label) ?? engineMs.set(label, []).get(label)!).push(cpuMs / N);
        (processMs.get(label) ?? processMs.set(label, []).get(label)!).push((own.user + own.system) / 1000 / N);
        ctx.log(`COST rep ${rep}: ${rate.toFixed(1)}/s, ${label}`);
      }
      lastRepMs = Date.now() - repStart;
    }

    const results: Record<string, Figure> = {};
    printTable(
      engines.map((e) => e.label),
      rates,
      engineMs,
      processMs,
    );
    for (const engine of engines) {
      const bare = rates.get(`${engine.label}: ${BARE}`)!;
      for (const part of [...PARTS.map((p) => p.label), M2, M2_TO_ARRIVAL]) {
        const values = rates.get(`${engine.label}: ${part}`)!;
        results[`COST ${engine.label}: ${part}, /s`] = figure(values);
        const cpu = engineMs.get(`${engine.label}: ${part}`);
        if (cpu) results[`COST ${engine.label}: ${part}, engine CPU ms per workflow`] = figure(cpu);
        if (part !== BARE) results[`COST ${engine.label}: ${part} / bare, per repetition`] = figure(values.map((v, i) => v / bare[i]));
      }
      const shape = rates.get(`${engine.label}: ${DELIVERY_SHAPE}`)!;
      const m2 = rates.get(`${engine.label}: ${M2}`)!;
      results[`COST ${engine.label}: M2 / ${DELIVERY_SHAPE}, per repetition`] = figure(m2.map((v, i) => v / shape[i]));
      const cut = rates.get(`${engine.label}: ${DELIVERY_SHAPE_CUT}`)!;
      results[`COST ${engine.label}: ${DELIVERY_SHAPE_CUT} / ${DELIVERY_SHAPE}, per repetition`] = figure(cut.map((v, i) => v / shape[i]));
      results[`COST ${engine.label}: M2 attempts deferred by the attempt share (per backlog)`] = figure(deferred.get(engine.label)!);
    }
    return { ...results, ...historyEvents };
  } finally {
    for (const engine of engines) {
      engine.worker.shutdown();
      await engine.running;
      await engine.connection.close();
      if (engine.ownSvc) await engine.svc.close();
      await engine.server?.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One table per engine: per part, the median rate and its median ratio to bare within a repetition; the dev
 * server's CPU per workflow (less bent by other jobs on the machine than a rate) and its ratio; this process's.
 */
function printTable(
  engines: string[],
  rates: Map<string, number[]>,
  engineMs: Map<string, number[]>,
  processMs: Map<string, number[]>,
): void {
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '');
  const med = (xs: number[] | undefined) => (xs ? figure(xs).median : NaN);
  const ratio = (xs: number[] | undefined, base: number[]) => (xs ? figure(xs.map((v, i) => v / base[i])).median : NaN);
  for (const e of engines) {
    const reps = rates.get(`${e}: ${BARE}`)!.length;
    console.log(`\nCOST, ${e}: ${N} workflows (deliveries) per measurement, medians of ${reps} repetitions`);
    console.log(
      '| part | /s | / bare | engine CPU ms per workflow | / bare | bench process CPU ms per workflow |\n|---|---|---|---|---|---|',
    );
    for (const part of [...PARTS.map((p) => p.label), M2, M2_TO_ARRIVAL]) {
      const key = `${e}: ${part}`;
      const bareKey = `${e}: ${BARE}`;
      const first = part === BARE;
      const cells = [
        fmt(med(rates.get(key))),
        first ? '' : fmt(ratio(rates.get(key), rates.get(bareKey)!)),
        fmt(med(engineMs.get(key))),
        first ? '' : fmt(ratio(engineMs.get(key), engineMs.get(bareKey)!)),
        fmt(med(processMs.get(key))),
      ];
      console.log(`| ${part} | ${cells.join(' | ')} |`);
    }
  }
}

async function bareRate(client: Client, part: Part, idPrefix: string): Promise<number> {
  const t0 = Date.now();
  const results: Promise<unknown>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const handle = await client.workflow.start(part.workflow, {
          taskQueue: TASK_QUEUE,
          workflowId: `${idPrefix}-${i}`,
          args: [Date.now()],
          ...part.start,
        });
        results.push(handle.result());
      }
    }),
  );
  await Promise.all(results);
  await closedInVisibility(client, `WorkflowId STARTS_WITH '${idPrefix}-'`);
  return N / ((Date.now() - t0) / 1000);
}

/**
 * Until visibility lists all N as completed. Its writes (search attributes, upserts, the close) run after the
 * workflow's own transaction, queued in the engine: a rate taken at the last result would leave them to slow the
 * next measurement down instead.
 */
async function closedInVisibility(client: Client, query: string): Promise<void> {
  while ((await client.workflow.count(`${query} AND ExecutionStatus = 'Completed'`)).count < N)
    await new Promise((r) => setTimeout(r, 100));
}

/**
 * M2: a backlog of N deliveries to one subscription, from the first batch sent to the last arrival (as run-bench.ts
 * measures it) and to the last workflow closed in visibility (as the bare shapes here are measured).
 */
async function m2Rate(ctx: BenchContext, svc: TestService, path: string): Promise<{ toArrival: number; toClosed: number }> {
  const sub = await post(svc, '/v1/subscriptions', { url: ctx.receiver.url + path, events: ['bench.cost'], ping: false });
  const t0 = Date.now();
  const deliveryIds: string[] = [];
  for (let sent = 0; sent < N; sent += 500) {
    const n = Math.min(500, N - sent);
    const accepted = (await post(svc, '/v1/events/batch', {
      events: Array.from({ length: n }, (_, i) => ({ type: 'bench.cost', data: { i: sent + i } })),
    })) as { data: { deliveries: { id: string }[] }[] };
    for (const event of accepted.data) deliveryIds.push(...event.deliveries.map((d) => d.id));
  }
  const arrivals = await ctx.receiver.waitFor(path, N, DEADLINE_MS);
  const toArrival = N / ((Math.max(...arrivals.map((a) => a.at)) - t0) / 1000);
  if (new Set(arrivals.map((a) => a.id)).size !== N) throw new Error(`COST M2 ledger does not balance on ${path}`);
  const client = svc.app.get(Client);
  await Promise.all(deliveryIds.map((id) => client.workflow.getHandle(workflowIdFor(id)).result()));
  await closedInVisibility(client, `SubscriptionId = '${sub.id}'`);
  const toClosed = N / ((Date.now() - t0) / 1000);
  await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  return { toArrival, toClosed };
}

async function post(svc: TestService, path: string, body: unknown) {
  const res = await svc.api('POST', path, body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function historyLength(client: Client, workflowId: string): Promise<number> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? NaN;
}

async function withDeadline<T>(label: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`COST: ${label} not done within ${DEADLINE_MS} ms`)), DEADLINE_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
