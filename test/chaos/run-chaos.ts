// `npm run chaos` (or `node dist/test/chaos/run-chaos.js 3 5` for some scenarios by number): fault injection
// that proves no accepted event is lost. Each scenario gets its own Postgres database, Temporal dev server (on a
// SQLite file in a temp dir), receiver and service processes, ends with a LEDGER and assertions, and stops every
// child process it started, even when it fails. Counts and deadlines: CHAOS_EVENTS, CHAOS_S<n>_EVENTS, ... (see
// each scenario), CHAOS_SCENARIO_TIMEOUT_MS (per scenario, default 240 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ctx, type Assertion, type Scenario, type ScenarioResult } from './harness.js';
import type { LedgerReport } from './ledger.js';
import { guardChildren, killChildren } from './procs.js';
import { scenario1 } from './scenario-1-worker-kill.js';
import { scenario2 } from './scenario-2-api-kill.js';
import { scenario3 } from './scenario-3-temporal-kill.js';
import { scenario4 } from './scenario-4-postgres-outage.js';
import { scenario5 } from './scenario-5-flapping-receiver.js';
import { scenario6 } from './scenario-6-two-pairs.js';
import { scenario7 } from './scenario-7-worker-sigterm.js';

const scenarios: Scenario[] = [scenario1, scenario2, scenario3, scenario4, scenario5, scenario6, scenario7];

interface Outcome {
  scenario: Scenario;
  ms: number;
  result: ScenarioResult;
  failed: Assertion[];
}

let current: Ctx | undefined;

async function runScenario(scenario: Scenario, runDir: string): Promise<Outcome> {
  const started = Date.now();
  const ctx = new Ctx(scenario, join(runDir, `s${scenario.number}`));
  current = ctx;
  const timeoutMs = Number(process.env['CHAOS_SCENARIO_TIMEOUT_MS'] ?? 240_000);
  console.log(`\n=== scenario ${scenario.number}: ${scenario.title} ===`);
  let result: ScenarioResult;
  let timer: NodeJS.Timeout | undefined;
  try {
    await ctx.setup();
    ctx.log(`database ${ctx.dbName}, Temporal ${ctx.temporal.address}, receiver ${ctx.receiver.url}, logs in ${ctx.dir}`);
    result = await Promise.race([
      scenario.run(ctx),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scenario ${scenario.number} did not finish within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    result = {
      ledgers: [],
      notes: [],
      assertions: [[`scenario ${scenario.number} ran to the end`, false, (err as Error).stack ?? String(err)]],
    };
  } finally {
    clearTimeout(timer);
    await ctx.teardown();
  }
  const ms = Date.now() - started;
  for (const note of result.notes) console.log(`  note: ${note}`);
  for (const [name, pass, detail] of result.assertions) console.log(`  ${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
  console.log(
    `=== scenario ${scenario.number} ${result.assertions.every(([, p]) => p) ? 'passed' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s ===`,
  );
  return { scenario, ms, result, failed: result.assertions.filter(([, p]) => !p) };
}

function summaryLine(o: Outcome): string {
  const l: LedgerReport | undefined = o.result.ledgers[0];
  const ledger = l
    ? `accepted ${l.accepted}, delivered ${l.delivered}, pending ${l.pending}, lost ${l.lost}, duplicates ${l.duplicates}`
    : 'no ledger';
  return `| ${o.scenario.number} | ${o.scenario.title} | ${(o.ms / 1000).toFixed(1)} s | ${o.failed.length ? `FAIL (${o.failed.length})` : 'pass'} | ${ledger} |`;
}

async function main(): Promise<number> {
  guardChildren(async () => current?.teardown());
  const wanted = process.argv.slice(2).map(Number);
  const bad = wanted.filter((n) => !scenarios.some((s) => s.number === n));
  if (bad.length) {
    console.error(`no scenario ${bad.join(', ')}; there are ${scenarios.map((s) => s.number).join(', ')}`);
    return 2;
  }
  const selected = wanted.length ? scenarios.filter((s) => wanted.includes(s.number)) : scenarios;
  const runDir = mkdtempSync(join(tmpdir(), 'hookrelay-chaos-'));
  const started = Date.now();
  console.log(`[chaos] ${selected.length} scenario(s); logs under ${runDir}`);
  const outcomes: Outcome[] = [];
  for (const scenario of selected) outcomes.push(await runScenario(scenario, runDir));
  const total = Date.now() - started;
  console.log('\n| # | scenario | time | result | ledger |\n|---|---|---|---|---|');
  for (const o of outcomes) console.log(summaryLine(o));
  const failed = outcomes.filter((o) => o.failed.length);
  console.log(
    `\n[chaos] total ${(total / 1000).toFixed(1)} s${total > 600_000 ? ' (OVER the 10 minute budget)' : ''}; ${outcomes.length - failed.length} of ${outcomes.length} scenarios passed`,
  );
  for (const o of failed)
    for (const [name, , detail] of o.failed) console.log(`  FAIL scenario ${o.scenario.number}: ${name}: ${detail.split('\n')[0]}`);
  if (failed.length) console.log(`[chaos] logs kept in ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
  return failed.length ? 1 : 0;
}

main().then(
  (code) => {
    killChildren();
    process.exit(code);
  },
  (err: unknown) => {
    console.error(err);
    killChildren();
    process.exit(1);
  },
);
