// The service as deployed: one role per process (`node dist/src/main.js --role api|worker`), so that its memory
// can be read from outside, free of the benchmark's own allocations.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const CLK_TCK = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RoleProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly role: string,
    private readonly port: string,
  ) {}

  /** `nodeArgs`: flags for node itself (e.g. `--cpu-prof`); `main`: another build's dist/src/main.js (A/B runs). */
  static async start(
    role: 'api' | 'worker' | 'all',
    env: Record<string, string>,
    timeoutMs = 60_000,
    nodeArgs: string[] = [],
    main = MAIN,
  ): Promise<RoleProcess> {
    const child = spawn(process.execPath, [...nodeArgs, main, '--role', role], {
      // No load balancer to wait for: a SIGTERM closes at once (a run may still set its own).
      env: { SHUTDOWN_DRAIN_MS: '0', ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role} process not up in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('hookrelay is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`${role} process exited (${code}):\n${output}`)));
    });
    child.stdout.resume();
    child.stderr.resume();
    process.once('exit', () => child.kill('SIGKILL')); // never outlive the benchmark, even when it fails
    return new RoleProcess(child, role, env['PORT'] ?? '3000');
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resident memory in bytes, as the kernel counts it. */
  rss(): number {
    const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    if (!line) throw new Error(`no VmRSS for the ${this.role} process`);
    return Number(line[1]) * 1024;
  }

  /**
   * Resident memory once it has stopped falling. After a burst of work V8 keeps the garbage until the process is
   * idle; its memory reducer then collects and returns pages in steps over the next tens of seconds (seen here:
   * 474 MiB, 426 after 15 s, 369 after 45 s, flat after). Reading at once would count that garbage as memory the
   * work kept. Samples every 5 s for at least a minute, until 30 s pass with under 1 % fall.
   */
  async settledRss(timeoutMs = 180_000): Promise<number> {
    const started = Date.now();
    const samples = [this.rss()];
    for (;;) {
      await sleep(5000);
      samples.push(this.rss());
      const window = samples.slice(-7);
      const flat = window.length === 7 && window[6] >= window[0] * 0.99;
      if ((flat && Date.now() - started >= 60_000) || Date.now() - started > timeoutMs) break;
    }
    return Math.min(...samples.slice(-7));
  }

  /** The JS heap in use, from the process's own /metrics (garbage included: V8 collects when it likes). */
  async heapUsed(): Promise<number> {
    return this.metric('nodejs_heap_size_used_bytes');
  }

  /** A metric without labels (or the sum over its labels) from the process's own /metrics. */
  async metric(name: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
    const values = [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((m) => Number(m[1]));
    if (values.length === 0) throw new Error(`no ${name} in the ${this.role} process's /metrics`);
    return values.reduce((a, b) => a + b, 0);
  }

  /** CPU seconds used so far (user + system). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  }

  /**
   * Waits until the process uses under 5 % of a core for two seconds in a row (its work is done); returns false
   * if it is still busy after `timeoutMs`.
   */
  async settle(timeoutMs = 300_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    let last = this.cpuSeconds();
    while (quiet < 2) {
      if (Date.now() > deadline) return false;
      await sleep(1000);
      const now = this.cpuSeconds();
      quiet = now - last < 0.05 ? quiet + 1 : 0;
      last = now;
    }
    return true;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => this.child.kill('SIGKILL'))]);
  }
}
