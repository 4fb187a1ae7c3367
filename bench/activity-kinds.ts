// `npm run bench:activity-kinds`: what an attempt costs the engine as a local activity versus a regular one,
// side by side in one run (alternating repetitions, medians): workflows per second and history events. The
// numbers behind the choice of local activities plus a row lease (docs/delivery-path.md). Bounded: fixed counts.
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { installRuntime } from '../src/temporal/temporal.connection.js';
import { startTestTemporal } from '../test/helpers/temporal-server.js';

const N = Number(process.env['BENCH_EVENTS'] ?? 300);
const REPS = Number(process.env['BENCH_REPS'] ?? 3);
const CONCURRENCY = 32;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

installRuntime();
const server = await startTestTemporal();
try {
  const connection = await NativeConnection.connect({ address: server.address });
  const client = new Client({ connection });
  const taskQueue = 'activity-kinds';
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./activity-kinds.workflow.js', import.meta.url)),
      logger: new DefaultLogger('WARN'),
    }),
    activities: { noop: async () => undefined },
  });
  const rates: Record<string, number[]> = { viaLocal: [], viaRegular: [] };
  const events: Record<string, number> = {};
  await worker.runUntil(async () => {
    for (let rep = 0; rep < REPS; rep++) {
      for (const type of ['viaLocal', 'viaRegular'] as const) {
        const started = Date.now();
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < N) {
              const i = next++;
              await client.workflow.execute(type, { taskQueue, workflowId: `${type}-${rep}-${i}`, requestEagerStart: true });
            }
          }),
        );
        rates[type].push(N / ((Date.now() - started) / 1000));
        const history = await client.workflow.getHandle(`${type}-${rep}-0`).fetchHistory();
        events[type] = history.events?.length ?? 0;
        console.log(
          `[activity-kinds] rep ${rep + 1}/${REPS} ${type}: ${rates[type].at(-1)!.toFixed(1)} workflows/s, ${events[type]} history events`,
        );
      }
    }
  });
  const local = median(rates['viaLocal']);
  const regular = median(rates['viaRegular']);
  console.log(`\n| attempt as | workflows/s (median of ${REPS}) | history events |\n|---|---|---|`);
  console.log(`| local activity | ${local.toFixed(1)} | ${events['viaLocal']} |`);
  console.log(`| regular activity | ${regular.toFixed(1)} | ${events['viaRegular']} |`);
  console.log(`regular / local = ${(regular / local).toFixed(2)}`);
  await connection.close();
} finally {
  await server.stop();
}
