import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributes } from '../../workflows/contracts.js';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath?: string;
  port: number;
  uiPort: number;
  /** SQLite file; omit for an in-memory server (tests). */
  dbFile?: string;
  /** Pragmas for the SQLite file (default `durableSqlitePragmas`); the benchmark passes others to compare. */
  sqlitePragmas?: readonly string[];
  logFile: string;
  headless?: boolean;
}

/** TEMPORAL_CLI_PATH, then the project's .tools, then PATH. */
export function findTemporalCli(explicit?: string): string | undefined {
  if (explicit) return explicit;
  const local = resolve('.tools/bin/temporal');
  if (existsSync(local)) return local;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'temporal');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const searchAttributeFlags = () => Object.values(searchAttributes).flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]);

/**
 * Task-queue fairness: each task queue serves the fairness keys of its backlog in turn (deliveries carry their
 * tenant as key, see workflow-dispatch.ts), so one tenant's burst does not queue the others' tasks behind it.
 * Migration drains a backlog written before fairness was on. One write partition: fairness (like priority) holds
 * within a partition, and one is plenty for a dev server; reads keep the default, so a backlog in other
 * partitions from an earlier run still drains.
 */
export const fairnessDynamicConfig = {
  'matching.enableFairness': true,
  'matching.enableMigration': true,
  'matching.numTaskqueueWritePartitions': 1,
} as const;

/**
 * The on-disk engine's SQLite settings. WAL with `synchronous=NORMAL`: a commit is written to the WAL file (in the
 * operating system's page cache) without an fsync; the WAL is synced at checkpoints. Nothing committed is lost
 * when a process dies (kill -9 included: chaos scenario 3), only an operating-system crash or power loss can drop
 * the last commits (the database stays consistent). SQLite's default (`FULL`) fsyncs every commit: measured with
 * `npm run bench` (`BENCH_ONLY=ENGINE`), that made bare workflows on disk 0.6-0.7 of the same server in memory.
 */
export const durableSqlitePragmas = ['journal_mode=WAL', 'synchronous=NORMAL'] as const;

/** The dev server's command line: loopback only, nothing fetched from the internet, our search attributes. */
export function devServerArgs(opts: Pick<DevServerOptions, 'port' | 'uiPort' | 'dbFile' | 'sqlitePragmas' | 'headless'>): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--ui-disable-news-fetch',
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    ...Object.entries(fairnessDynamicConfig).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
    '--log-level',
    'warn',
    ...searchAttributeFlags(),
  ];
  if (opts.headless) args.push('--headless');
  if (opts.dbFile) {
    args.push('--db-filename', opts.dbFile);
    for (const pragma of opts.sqlitePragmas ?? durableSqlitePragmas) args.push('--sqlite-pragma', pragma);
  }
  return args;
}

/** Starts `temporal server start-dev` as a child process and waits until its frontend answers. */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const cli = findTemporalCli(opts.cliPath);
  if (!cli) {
    throw new Error(
      'Temporal CLI not found: run `npm start` (it installs it into .tools/), set TEMPORAL_CLI_PATH, ' +
        'or point TEMPORAL_ADDRESS at a running Temporal server.',
    );
  }
  if (opts.dbFile) mkdirSync(resolve(opts.dbFile, '..'), { recursive: true });
  const args = devServerArgs(opts);
  mkdirSync(resolve(opts.logFile, '..'), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const child = spawn(cli, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  // Should this process exit without stopping it (a crash, a failed benchmark), the server goes too.
  process.once('exit', () => child.kill('SIGTERM'));
  const address = `127.0.0.1:${opts.port}`;
  await waitUntilServing(address, child, opts.logFile);
  return {
    address,
    uiUrl: `http://localhost:${opts.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Temporal dev server exited during start; see ${logFile}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      await conn.workflowService.getSystemInfo({});
      await conn.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await stopChild(child);
  throw new Error(`Temporal dev server did not answer on ${address} within 90 s; see ${logFile}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
