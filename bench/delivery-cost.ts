// COST (issue 24 point 2): what each part of a delivery costs the engine, as a ratio to B-temporal measured side by
// side. On two engines, the run's dev server in memory and one on disk as `npm start` runs it, each with a bare
// worker and a service of its own: B-temporal bare, B-temporal plus one part alone (the four search attributes at
// start, the `DeliveryStatus` upsert at the end, the summary and details, the fairness key, a start that is not
// eager), B-temporal in a delivery's whole shape, and M2 (the service's backlog). Every repetition runs them all,
// in an order rotated each time; each ratio is taken within its repetition and engine, then the median.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type WorkflowStartOptions } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { durableSqlitePragmas, startDevServer, type DevServer } from '../src/temporal/dev-server.js';
import { freePort } from '../test/helpers/ports.js';
import { startService, type TestService } from '../test/helpers/service.js';
import { searchAttributes } from '../workflows/contracts.js';
import type { BenchContext } from './bench-context.js';
import { attemptsDeferred } from './engine-cost.js';
import { figure, type Figure } from './stats.js';

/** Workflows (or deliveries) per measurement; each measurement also stops at DEADLINE_MS. */
const N = Number(process.env['BENCH_COST_N'] ?? 150);
const CONCURRENCY = 32;
const DEADLINE_MS = 120_000;
const TASK_QUEUE = 'bench-cost-bare';

type StartShape = Pick<WorkflowStartOptions, 'typedSearchAttributes' | 'staticSummary' | 'staticDetails' | 'priority'> & {
  requestEagerStart?: boolean;
};

interface Part {
  label: string;
  workflow: 'bare' | 'bareWithStatus';
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
const PARTS: Part[] = [
  { label: BARE, workflow: 'bare', start: { requestEagerStart: true } },
  { label: '+ 4 search attributes at start', workflow: 'bare', start: { requestEagerStart: true, typedSearchAttributes: fourAttributes } },
  { label: '+ DeliveryStatus upsert at the end', workflow: 'bareWithStatus', start: { requestEagerStart: true } },
  { label: '+ summary and details', workflow: 'bare', start: { requestEagerStart: true, ...summary } },
  { label: '+ fairness key', workflow: 'bare', start: { requestEagerStart: true, ...fairness } },
  { label: 'not eager (first task polled)', workflow: 'bare', start: { requestEagerStart: false } },
  {
    label: DELIVERY_SHAPE,
    workflow: 'bareWithStatus',
    start: { requestEagerStart: true, typedSearchAttributes: fourAttributes, ...summary, ...fairness },
  },
];
const M2 = 'M2 (the service, a backlog of N deliveries)';

interface Engine {
  label: string;
  client: Client;
  connection: NativeConnection;
  worker: Worker;
  running: Promise<void>;
  svc: TestService;
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
    engines.push({ label, client: new Client({ connection }), connection, worker, running: worker.run(), svc, ownSvc: !!server, server });
  };
  try {
    await addEngine(ctx.engine, ctx.temporalAddress, ctx.svc);
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
    for (const e of engines) await post(e.svc, '/v1/event-types', { name: 'bench.cost' });
    // Warm-up, not measured: each engine's first workflows, each worker's first activations, the service's first
    // statements, and a fresh SQLite file's growth.
    for (const [i, e] of engines.entries()) {
      await withDeadline('warm-up', bareRate(e.client, PARTS.at(-1)!, `cost-warm-${i}-${ctx.started}`));
      await withDeadline('warm-up', m2Rate(ctx, e.svc, `/cost/warm/${i}`));
    }
    ctx.log(`COST: ${PARTS.length} shapes and M2 on ${engines.length} engines, ${N} each, ${ctx.reps} repetitions`);

    const rates = new Map<string, number[]>();
    const deferred = new Map<string, number[]>();
    const historyEvents: Record<string, Figure> = {};
    const cells = engines.flatMap((engine) => [...PARTS.map((part) => ({ engine, part })), { engine, part: undefined }]);
    for (let rep = 1; rep <= ctx.reps; rep++) {
      const shift = ((rep - 1) * 3) % cells.length;
      for (const { engine, part } of [...cells.slice(shift), ...cells.slice(0, shift)]) {
        const label = `${engine.label}: ${part?.label ?? M2}`;
        const idPrefix = `cost-${rep}-${engines.indexOf(engine)}-${PARTS.indexOf(part!)}-${ctx.started}`;
        let rate: number;
        if (part) {
          rate = await withDeadline(label, bareRate(engine.client, part, idPrefix));
          if (rep === 1)
            historyEvents[`COST history events, ${part.label}`] = figure([await historyLength(engine.client, `${idPrefix}-0`)]);
        } else {
          const before = await attemptsDeferred(engine.svc);
          rate = await withDeadline(label, m2Rate(ctx, engine.svc, `/cost/${rep}/${engines.indexOf(engine)}`));
          (deferred.get(engine.label) ?? deferred.set(engine.label, []).get(engine.label)!).push(
            (await attemptsDeferred(engine.svc)) - before,
          );
        }
        (rates.get(label) ?? rates.set(label, []).get(label)!).push(rate);
        ctx.log(`COST rep ${rep}: ${rate.toFixed(1)}/s, ${label}`);
      }
    }

    const results: Record<string, Figure> = {};
    printTable(
      engines.map((e) => e.label),
      rates,
    );
    for (const engine of engines) {
      const bare = rates.get(`${engine.label}: ${BARE}`)!;
      for (const part of [...PARTS.map((p) => p.label), M2]) {
        const values = rates.get(`${engine.label}: ${part}`)!;
        results[`COST ${engine.label}: ${part}, /s`] = figure(values);
        if (part !== BARE) results[`COST ${engine.label}: ${part} / bare, per repetition`] = figure(values.map((v, i) => v / bare[i]));
      }
      const shape = rates.get(`${engine.label}: ${DELIVERY_SHAPE}`)!;
      const m2 = rates.get(`${engine.label}: ${M2}`)!;
      results[`COST ${engine.label}: M2 / ${DELIVERY_SHAPE}, per repetition`] = figure(m2.map((v, i) => v / shape[i]));
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

/** Per part, each engine's median rate and median ratio to bare within a repetition. */
function printTable(engines: string[], rates: Map<string, number[]>): void {
  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `\n| COST: part (${N} each, median of ${rates.get(`${engines[0]}: ${BARE}`)!.length}) | ${engines.map((e) => `${e}: /s | / bare`).join(' | ')} |`,
  );
  console.log(`|---|${engines.map(() => '---|---').join('|')}|`);
  for (const part of [...PARTS.map((p) => p.label), M2]) {
    const cells = engines.map((e) => {
      const values = rates.get(`${e}: ${part}`)!;
      const bare = rates.get(`${e}: ${BARE}`)!;
      return `${fmt(figure(values).median)} | ${part === BARE ? '' : fmt(figure(values.map((v, i) => v / bare[i])).median)}`;
    });
    console.log(`| ${part} | ${cells.join(' | ')} |`);
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
  return N / ((Date.now() - t0) / 1000);
}

/** M2 as run-bench.ts measures it: a backlog of N deliveries to one subscription, accepted to the last arrival. */
async function m2Rate(ctx: BenchContext, svc: TestService, path: string): Promise<number> {
  const sub = await post(svc, '/v1/subscriptions', { url: ctx.receiver.url + path, events: ['bench.cost'], ping: false });
  const t0 = Date.now();
  for (let sent = 0; sent < N; sent += 500) {
    const n = Math.min(500, N - sent);
    await post(svc, '/v1/events/batch', { events: Array.from({ length: n }, (_, i) => ({ type: 'bench.cost', data: { i: sent + i } })) });
  }
  const arrivals = await ctx.receiver.waitFor(path, N, DEADLINE_MS);
  if (new Set(arrivals.map((a) => a.id)).size !== N) throw new Error(`COST M2 ledger does not balance on ${path}`);
  await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  return N / ((Math.max(...arrivals.map((a) => a.at)) - t0) / 1000);
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
