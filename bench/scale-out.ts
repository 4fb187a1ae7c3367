// SCALE: one api and one worker process against two of each, on the same Temporal server and Postgres.
//   M1  single-event ingest, 16 clients spread over the api processes (events match no subscription)
//   M2  a backlog of deliveries, sent in batches spread over the api processes, accepted to answered
// With the CPU split per process over each M2 window and the history events of one delivery in split roles.
import { callApi } from '../test/helpers/service.js';
import { type BenchContext, Runs } from './bench-context.js';
import { measureCpu, type CpuGroup } from './cpu.js';
import { INGEST_CLIENTS, sharedCpuGroups } from './ingest-bench.js';
import { closedLoop } from './ingest-load.js';
import { startRoles } from './roles.js';
import { figure, type Figure } from './stats.js';

const SECONDS = Number(process.env['BENCH_INGEST_SECONDS'] ?? 5);
const BACKLOG = Number(process.env['BENCH_SCALE_EVENTS'] ?? 600);
const BATCH = 100;

export const SCALE_SHAPES = [
  { label: '1 api + 1 worker', apis: 1, workers: 1 },
  { label: '2 api + 2 worker', apis: 2, workers: 2 },
];

export async function runScaleOut(ctx: BenchContext): Promise<Record<string, Figure>> {
  const { svc } = ctx;
  const call = async (base: string, method: string, path: string, body?: unknown) => {
    const res = await callApi(base, svc.apiKey, method, path, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  for (const name of ['bench.scale.ingest', 'bench.scale']) await call(svc.baseUrl, 'POST', '/v1/event-types', { name });
  const runs = new Runs();
  for (const shape of SCALE_SHAPES) {
    const roles = await startRoles(svc, ctx.temporalAddress, `bench-scale-${shape.apis}-${ctx.started}`, shape);
    const groups: CpuGroup[] = [
      { label: 'api', pids: () => roles.apis.map((p) => p.pid) },
      { label: 'worker', pids: () => roles.workers.map((p) => p.pid) },
      ...sharedCpuGroups(ctx),
    ];
    try {
      for (let rep = 1; rep <= ctx.reps; rep++) {
        const m1 = await closedLoop({ urls: roles.urls, apiKey: svc.apiKey, type: 'bench.scale.ingest' }, INGEST_CLIENTS, SECONDS);
        runs.record(`SCALE M1 ingest events/s (${shape.label})`, m1.rate);

        const path = `/scale-${shape.apis}/${rep}`;
        const sub = await call(roles.urls[0], 'POST', '/v1/subscriptions', {
          url: ctx.receiver.url + path,
          events: ['bench.scale'],
          ping: false,
        });
        const deferred = () => Promise.all(roles.workers.map((w) => w.metric('webhook_attempts_deferred_total').catch(() => 0)));
        const deferredBefore = (await deferred()).reduce((a, b) => a + b, 0);
        const drain = async () => {
          const t0 = Date.now();
          // Batches spread over the api processes, so each one's start pump carries its share.
          await Promise.all(
            roles.urls.map(async (url, i) => {
              for (let sent = i * BATCH; sent < BACKLOG; sent += BATCH * roles.urls.length) {
                const events = Array.from({ length: Math.min(BATCH, BACKLOG - sent) }, (_, j) => ({
                  type: 'bench.scale',
                  data: { i: sent + j },
                }));
                await call(url, 'POST', '/v1/events/batch', { events });
              }
            }),
          );
          const arrivals = await ctx.receiver.waitFor(path, BACKLOG, 600_000);
          if (new Set(arrivals.map((a) => a.id)).size !== BACKLOG) throw new Error(`SCALE M2 (${shape.label}): ledger does not balance`);
          return BACKLOG / ((Math.max(...arrivals.map((a) => a.at)) - t0) / 1000);
        };
        const m2 = rep === 1 ? await measureCpu(`M2 backlog, ${shape.label}`, groups, drain) : await drain();
        runs.record(`SCALE M2 deliveries/s (${shape.label}, ${ctx.engine})`, m2);
        runs.record(
          `SCALE M2 attempts deferred by the attempt share (${shape.label})`,
          (await deferred()).reduce((a, b) => a + b, 0) - deferredBefore,
        );
        ctx.log(`SCALE ${shape.label} rep ${rep}: M1 ${m1.rate.toFixed(0)} events/s, M2 ${m2.toFixed(1)} deliveries/s`);

        if (rep === 1) {
          const [{ id }] = await svc.db.query(`SELECT id FROM deliveries WHERE subscription_id = $1 LIMIT 1`, [sub.id]);
          const history = await ctx.client.workflow.getHandle(`delivery-${id}`).fetchHistory();
          runs.record(`history events per delivery (2xx, split roles: no eager start)`, history.events?.length ?? NaN);
        }
        await call(roles.urls[0], 'DELETE', `/v1/subscriptions/${sub.id}`);
      }
    } finally {
      await roles.stop();
    }
  }
  return Object.fromEntries(Object.entries(runs.values).map(([k, v]) => [k, figure(v)]));
}
