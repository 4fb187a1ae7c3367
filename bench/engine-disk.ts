// ENGINE: the engine as `npm start` runs it (the dev server on a SQLite file, src/temporal/dev-server.ts) beside
// the same dev server in memory, which is what the rest of the benchmark measures. Three servers of their own,
// started together and measured in turns (the order rotates every repetition), each with its own connection and
// a bare worker: B-temporal's workflow (one local activity, eager start), N of them, CONCURRENCY starts in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { freePort } from '../test/helpers/ports.js';
import { durableSqlitePragmas, startDevServer, type DevServer } from '../src/temporal/dev-server.js';
import type { BenchContext } from './bench-context.js';
import { figure, type Figure } from './stats.js';

export const ENGINE_IN_MEMORY = 'B-temporal workflows/s (ENGINE: in memory, own server)';
export const ENGINE_ON_DISK = `B-temporal workflows/s (ENGINE: on disk as npm start runs it, ${durableSqlitePragmas.join(', ')})`;
export const ENGINE_ON_DISK_BEFORE = 'B-temporal workflows/s (ENGINE: on disk as before, journal_mode=WAL only)';
export const ENGINE_RATIO = 'B-temporal on disk as npm start runs it / in memory, per repetition';
export const ENGINE_RATIO_BEFORE = 'B-temporal on disk as before / in memory, per repetition';

interface Variant {
  label: string;
  /** Pragmas for a file; undefined: in memory. */
  pragmas?: readonly string[];
}

/**
 * `BENCH_ENGINE_TRY="journal_mode=WAL,synchronous=OFF;journal_mode=WAL,synchronous=NORMAL,cache_size=-65536"`:
 * more on-disk variants beside these three, one per `;`-separated list of pragmas (while choosing them).
 */
const tried: Variant[] = (process.env['BENCH_ENGINE_TRY'] ?? '')
  .split(';')
  .map((list) =>
    list
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .filter((pragmas) => pragmas.length > 0)
  .map((pragmas) => ({ label: `B-temporal workflows/s (ENGINE: on disk, tried: ${pragmas.join(', ')})`, pragmas }));

const VARIANTS: Variant[] = [
  { label: ENGINE_IN_MEMORY },
  { label: ENGINE_ON_DISK, pragmas: durableSqlitePragmas },
  { label: ENGINE_ON_DISK_BEFORE, pragmas: ['journal_mode=WAL'] },
  ...tried,
];

const TASK_QUEUE = 'bench-engine-bare';
/** Per variant and repetition: a stuck server fails the run instead of hanging it. */
const DEADLINE_MS = 300_000;

interface Engine {
  variant: Variant;
  server: DevServer;
  connection: NativeConnection;
  client: Client;
  worker: Worker;
  running: Promise<void>;
}

export async function runEngineOnDisk(
  ctx: BenchContext,
  opts: { n: number; concurrency: number; maxActivities: number },
): Promise<Record<string, Figure>> {
  const dir = mkdtempSync(join(tmpdir(), 'hookrelay-bench-engine-'));
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./bare.workflow.js', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  const engines: Engine[] = [];
  try {
    for (const [i, variant] of VARIANTS.entries()) {
      const server = await startDevServer({
        port: await freePort(),
        uiPort: await freePort(),
        headless: true,
        dbFile: variant.pragmas ? join(dir, `temporal-${i}.db`) : undefined,
        sqlitePragmas: variant.pragmas,
        logFile: join(dir, `temporal-${i}.log`),
      });
      const connection = await NativeConnection.connect({ address: server.address });
      const worker = await Worker.create({
        connection,
        taskQueue: TASK_QUEUE,
        workflowBundle,
        activities: { noop: async () => {} },
        maxConcurrentLocalActivityExecutions: opts.maxActivities,
      });
      engines.push({ variant, server, connection, client: new Client({ connection }), worker, running: worker.run() });
    }
    ctx.log(`ENGINE: ${engines.length} dev servers up (in memory, on disk as npm start, on disk as before, tried) in ${dir}`);

    const rates = new Map<string, number[]>(VARIANTS.map((v) => [v.label, []]));
    for (let rep = 1; rep <= ctx.reps; rep++) {
      const turn = [...engines.slice(rep % engines.length), ...engines.slice(0, rep % engines.length)];
      for (const engine of turn) {
        const rate = await bareRate(engine.client, opts.n, opts.concurrency, `engine-${rep}-${ctx.started}`);
        rates.get(engine.variant.label)!.push(rate);
        ctx.log(`ENGINE rep ${rep}: ${rate.toFixed(1)} workflows/s, ${engine.variant.label}`);
      }
    }
    const inMemory = rates.get(ENGINE_IN_MEMORY)!;
    const perRep = (label: string) => rates.get(label)!.map((rate, i) => rate / inMemory[i]);
    return {
      ...Object.fromEntries([...rates].map(([label, values]) => [label, figure(values)])),
      [ENGINE_RATIO]: figure(perRep(ENGINE_ON_DISK)),
      [ENGINE_RATIO_BEFORE]: figure(perRep(ENGINE_ON_DISK_BEFORE)),
      ...Object.fromEntries(
        tried.map((v) => [`${v.label.replace(' workflows/s', '')} / in memory, per repetition`, figure(perRep(v.label))]),
      ),
    };
  } finally {
    for (const engine of engines) {
      engine.worker.shutdown();
      await engine.running;
      await engine.connection.close();
      await engine.server.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareRate(client: Client, n: number, concurrency: number, idPrefix: string): Promise<number> {
  const t0 = Date.now();
  const results: Promise<unknown>[] = [];
  let next = 0;
  const all = (async () => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const handle = await client.workflow.start('bare', {
            taskQueue: TASK_QUEUE,
            workflowId: `${idPrefix}-${i}`,
            args: [Date.now()],
            requestEagerStart: true,
          });
          results.push(handle.result());
        }
      }),
    );
    await Promise.all(results);
  })();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      all,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`ENGINE: ${n} bare workflows not done within ${DEADLINE_MS} ms`)), DEADLINE_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return n / ((Date.now() - t0) / 1000);
}
