// CPU split per process over a window: the role processes, the Temporal dev server, the Postgres backends of the
// benchmark's database, the receiver and the benchmark process itself (the load generator), read from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import type { Queryable } from '../src/database/queryable.js';

const CLK_TCK = 100;

/** CPU seconds (user + system) a process has used so far; 0 if it is gone or unreadable. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/**
 * Seconds a process's threads spent runnable but waiting for a core (the scheduler's run-queue delay, summed over
 * its threads): on a machine shared with other jobs, the time the process would have run had it had a core.
 */
export function runQueueSecondsOf(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce(
      (sum, tid) => sum + Number(readProc(`${pid}/task/${tid}`, 'schedstat').split(' ')[1] ?? 0) / 1e9,
      0,
    );
  } catch {
    return 0;
  }
}

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** `parent`'s children (this process's by default) whose command line contains `needle` (e.g. the Temporal CLI, the receiver). */
export function childPids(needle: string, parent = process.pid): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const stat = readProc(pid, 'stat');
    const ppid = Number(stat.split(') ')[1]?.split(' ')[1]);
    if (ppid !== parent) continue;
    if (readProc(pid, 'cmdline').replace(/\0/g, ' ').includes(needle)) out.push(Number(pid));
  }
  return out;
}

/** The server processes serving connections to this database (the Postgres server is shared; only ours count). */
export async function postgresBackends(db: Queryable): Promise<number[]> {
  const rows: { pid: number }[] = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return rows.map((r) => r.pid);
}

export interface CpuGroup {
  label: string;
  pids: () => number[] | Promise<number[]>;
}

export interface CpuSplit {
  window: string;
  seconds: number;
  /** Per group: percent of one core over the window. */
  percent: Record<string, number>;
  /** All groups together: runnable but waiting for a core, in percent of one core (other jobs' share, mostly). */
  waitingPercent: number;
}

export const cpuSplits: CpuSplit[] = [];

/**
 * Measures each group's CPU over the run of `work`. The pids are read at the start and again at the end (a
 * Postgres backend opened meanwhile counts from 0, which it was at its start); the bench process itself is
 * always one group.
 */
export async function measureCpu<T>(
  window: string,
  groups: CpuGroup[],
  work: () => Promise<T>,
  selfLabel = 'bench process (load generator)',
): Promise<T> {
  const before = await Promise.all(groups.map(async (g) => new Map((await g.pids()).map((pid) => [pid, cpuSecondsOf(pid)]))));
  const allPids = async () => [process.pid, ...(await Promise.all(groups.map(async (g) => g.pids()))).flat()];
  const waitedBefore = new Map((await allPids()).map((pid) => [pid, runQueueSecondsOf(pid)]));
  const self = process.cpuUsage();
  const t0 = Date.now();
  const result = await work();
  const seconds = (Date.now() - t0) / 1000;
  const selfUsed = process.cpuUsage(self);
  const percent: Record<string, number> = {};
  for (const [i, g] of groups.entries()) {
    let used = 0;
    for (const pid of new Set([...before[i].keys(), ...(await g.pids())])) {
      const now = cpuSecondsOf(pid);
      if (now > 0) used += now - (before[i].get(pid) ?? 0); // a process gone by now is not counted
    }
    percent[g.label] = (percent[g.label] ?? 0) + (100 * used) / seconds;
  }
  percent[selfLabel] = (100 * (selfUsed.user + selfUsed.system)) / 1e6 / seconds;
  let waited = 0;
  for (const pid of new Set([...waitedBefore.keys(), ...(await allPids())])) {
    const now = runQueueSecondsOf(pid);
    if (now > 0) waited += now - (waitedBefore.get(pid) ?? 0);
  }
  cpuSplits.push({ window, seconds, percent, waitingPercent: (100 * waited) / seconds });
  return result;
}

/** The CPU split table, one row per window, one column per process group (percent of one core; 200 = both). */
export function printCpuSplits(): void {
  if (cpuSplits.length === 0) return;
  const columns = [...new Set(cpuSplits.flatMap((s) => Object.keys(s.percent)))];
  console.log(
    `\nCPU per process, % of one core (this machine has 2 cores: 200 % is all of it). "waiting for a core": the same ` +
      `processes runnable but not running (run-queue delay), i.e. CPU they would have used had other jobs left it`,
  );
  console.log(
    `| window | s | ${columns.join(' | ')} | total | waiting for a core |\n|---|---|${columns.map(() => '---|').join('')}---|---|`,
  );
  for (const s of cpuSplits) {
    const cells = columns.map((c) => (s.percent[c] === undefined ? '' : s.percent[c].toFixed(0)));
    const total = Object.values(s.percent).reduce((a, b) => a + b, 0);
    console.log(`| ${s.window} | ${s.seconds.toFixed(1)} | ${cells.join(' | ')} | ${total.toFixed(0)} | ${s.waitingPercent.toFixed(0)} |`);
  }
}
