// `node dist/bench/ingest-ab.js <other build's dist/src/main.js>`: single-event ingest side by side, this build's
// api role process against another build's (e.g. a copy of dist from before a change) and B-ingest, in turns on
// the same Temporal, Postgres database and 16 clients, so both see the same machine. Prints events/s and the CPU
// milliseconds each request costs in the api process and in Postgres.
import { resolve } from 'node:path';
import { freePort } from '../test/helpers/ports.js';
import { startService } from '../test/helpers/service.js';
import { startTestTemporal } from '../test/helpers/temporal-server.js';
import { cpuSplits, measureCpu, postgresBackends } from './cpu.js';
import { INGEST_CLIENTS, startBareIngest } from './ingest-bench.js';
import { closedLoop } from './ingest-load.js';
import { RoleProcess } from './role-process.js';
import { roleEnv } from './roles.js';
import { median } from './stats.js';

const ROUNDS = Number(process.env['BENCH_REPS'] ?? 3);
const SECONDS = Number(process.env['BENCH_INGEST_SECONDS'] ?? 5);

async function main() {
  const other = process.argv[2];
  if (!other) throw new Error('usage: node dist/bench/ingest-ab.js <other dist/src/main.js>');
  const temporal = await startTestTemporal();
  process.env['TEST_TEMPORAL_ADDRESS'] = temporal.address;
  const svc = await startService('bench_ab', {
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '100000000',
    TENANT_EVENTS_PER_SECOND: '1000000',
  });
  const created = await svc.api('POST', '/v1/event-types', { name: 'bench.ingest' });
  if (created.status !== 201) throw new Error(`event type: ${created.status}`);
  const [{ tenantId }] = await svc.db.query(`SELECT tenant_id AS "tenantId" FROM event_types WHERE name = 'bench.ingest'`);
  const queue = `bench-ab-${Date.now()}`;
  const start = async (main?: string) => {
    const port = await freePort();
    // BENCH_CPU_PROF=<dir>: this build's api process runs under `node --cpu-prof`, its profile written on stop.
    const prof = process.env['BENCH_CPU_PROF'] && !main ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_CPU_PROF']] : [];
    const proc = await RoleProcess.start('api', roleEnv(svc, temporal.address, queue, port), 60_000, prof, main);
    return { pid: proc.pid, url: `http://127.0.0.1:${port}`, stop: () => proc.stop() };
  };
  const bare = await startBareIngest(svc.config.databaseUrl, tenantId);
  const targets: Record<string, { pid: number; url: string; stop(): Promise<void> }> = {
    'B-ingest': bare,
    'api (this build)': await start(),
    [`api (${other})`]: await start(resolve(other)),
  };
  const rates: Record<string, number[]> = {};
  const apiMs: Record<string, number[]> = {};
  const pgMs: Record<string, number[]> = {};
  const names = Object.keys(targets);
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const t = targets[name];
      const loop = await measureCpu(
        name,
        [
          { label: 'server', pids: () => [t.pid] },
          { label: 'Postgres', pids: () => postgresBackends(svc.db) },
        ],
        () => closedLoop({ urls: [t.url], apiKey: svc.apiKey, type: 'bench.ingest' }, INGEST_CLIENTS, SECONDS),
      );
      const split = cpuSplits.at(-1)!;
      const perRequest = (percent: number) => (percent * 10) / loop.rate; // % of a core -> ms per request
      (rates[name] ??= []).push(loop.rate);
      (apiMs[name] ??= []).push(perRequest(split.percent['server']));
      (pgMs[name] ??= []).push(perRequest(split.percent['Postgres']));
      console.log(`[ab] round ${round + 1} ${name}: ${loop.rate.toFixed(0)}/s`);
    }
  }
  console.log('\n| server | events/s (median) | runs | server CPU ms/request | Postgres CPU ms/request |\n|---|---|---|---|---|');
  for (const name of names)
    console.log(
      `| ${name} | ${median(rates[name]).toFixed(0)} | ${rates[name].map((r) => r.toFixed(0)).join(', ')} | ` +
        `${median(apiMs[name]).toFixed(2)} | ${median(pgMs[name]).toFixed(2)} |`,
    );
  for (const t of Object.values(targets)) await t.stop();
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
