// Child processes the chaos suite starts and kills: the service's roles (`node dist/src/main.js --role ...`, as
// bench/role-process.ts starts them, plus kill -9 and timed SIGTERM) and the Temporal dev server (on a SQLite file,
// so that it can be killed -9 and started again on the same address and state). Every child is registered, and
// killChildren() (called after each scenario, on failure, on exit and on SIGINT/SIGTERM) SIGKILLs whatever is left.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { devServerArgs } from '../../src/temporal/dev-server.js';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const live = new Set<ChildProcess>();

/** SIGKILLs every child still running (synchronous, so it also works from an 'exit' handler). */
export function killChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

let guarded = false;
/**
 * Never leave a child behind: on exit, on Ctrl-C or a SIGTERM. On a signal, `cleanup` (dropping the scenario's
 * database) gets 10 s after the children are killed.
 */
export function guardChildren(cleanup: () => Promise<void> = async () => {}): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', killChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`[chaos] ${signal}: killing every child process and dropping the scenario's database`);
      killChildren();
      void Promise.race([cleanup().catch(() => undefined), sleep(10_000)]).finally(() => process.exit(130));
    });
  }
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

function track(child: ChildProcess, log: WriteStream, label: string): Promise<ExitInfo> {
  live.add(child);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return new Promise((done) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      log.write(`\n[chaos] ${label} exited: code ${code}, signal ${signal}\n`);
      done({ code, signal, at: Date.now() });
    });
  });
}

/** One role of the service in a process of its own. */
export class ServiceProcess {
  /** Set when the process ended without the suite asking it to (a crash). */
  unexpectedExit: ExitInfo | null = null;
  private expectingExit = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly role: 'api' | 'worker',
    readonly port: number,
    readonly exited: Promise<ExitInfo>,
    readonly label: string,
  ) {
    void exited.then((info) => {
      if (!this.expectingExit) this.unexpectedExit = info;
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(
    role: 'api' | 'worker',
    env: Record<string, string>,
    logFile: string,
    label: string = role,
    timeoutMs = 90_000,
  ): Promise<ServiceProcess> {
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n[chaos] starting ${label} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [MAIN, '--role', role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = track(child, log, label);
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 200_000) output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const up = await Promise.race([
      (async () => {
        const deadline = Date.now() + timeoutMs;
        while (!output.includes('hookrelay is running')) {
          if (Date.now() > deadline) return `not up within ${timeoutMs} ms`;
          if (child.exitCode !== null || child.signalCode !== null) return 'exited during start';
          await sleep(50);
        }
        return 'up';
      })(),
      exited.then((i) => `exited during start (code ${i.code}, signal ${i.signal})`),
    ]);
    child.stdout.off('data', collect);
    child.stderr.off('data', collect);
    if (up !== 'up') {
      child.kill('SIGKILL');
      throw new Error(`${label} process ${up}; see ${logFile}:\n${output.slice(-3000)}`);
    }
    return new ServiceProcess(child, role, Number(env['PORT']), exited, label);
  }

  /** kill -9: no drain, no goodbye. */
  async kill9(): Promise<ExitInfo> {
    this.expectingExit = true;
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM; resolves when the process has exited, with how long that took. */
  async term(): Promise<ExitInfo & { ms: number }> {
    this.expectingExit = true;
    const sent = Date.now();
    if (this.running) this.child.kill('SIGTERM');
    const info = await this.exited;
    return { ...info, ms: info.at - sent };
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    this.expectingExit = true;
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface TemporalOptions {
  port: number;
  uiPort: number;
  dbFile: string;
  logFile: string;
}

/**
 * The Temporal CLI dev server, launched here rather than through src/temporal/dev-server.ts so that it can be
 * killed -9 and started again on the same port and SQLite file (same flags otherwise).
 */
export class TemporalServer {
  private child?: ChildProcess;
  private exited?: Promise<ExitInfo>;
  private readonly log: WriteStream;
  readonly address: string;

  constructor(private readonly opts: TemporalOptions) {
    this.address = `127.0.0.1:${opts.port}`;
    this.log = createWriteStream(opts.logFile, { flags: 'a' });
  }

  static cli(): string {
    const path = process.env['TEMPORAL_CLI_PATH'] ?? resolve('.tools/bin/temporal');
    if (!existsSync(path)) throw new Error(`Temporal CLI not found at ${path}: run \`bash scripts/ensure.sh\` or set TEMPORAL_CLI_PATH`);
    return path;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    const args = devServerArgs({ port: this.opts.port, uiPort: this.opts.uiPort, dbFile: this.opts.dbFile, headless: true });
    this.log.write(`\n[chaos] starting temporal at ${new Date().toISOString()}\n`);
    const child = spawn(TemporalServer.cli(), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    });
    this.child = child;
    this.exited = track(child, this.log, 'temporal');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`Temporal dev server exited during start; see ${this.opts.logFile}`);
      try {
        const conn = await Connection.connect({ address: this.address, connectTimeout: 1000 });
        try {
          await conn.workflowService.getSystemInfo({});
        } finally {
          await conn.close();
        }
        return;
      } catch {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`Temporal dev server not serving on ${this.address} within ${timeoutMs} ms; see ${this.opts.logFile}`);
        }
        await sleep(250);
      }
    }
  }

  async kill9(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
