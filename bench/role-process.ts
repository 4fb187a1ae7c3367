// The service as deployed: one role per process (`node dist/src/main.js --role api|worker`), so that its memory
// can be read from outside, free of the benchmark's own allocations.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const CLK_TCK = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RoleProcess {
  private constructor(private readonly child: ChildProcess, readonly role: string) {}

  static async start(role: 'api' | 'worker', env: Record<string, string>, timeoutMs = 60_000): Promise<RoleProcess> {
    const child = spawn(process.execPath, [MAIN, '--role', role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`${role} process exited (${code}):\n${output}`)));
    });
    child.stdout!.resume();
    child.stderr!.resume();
    process.once('exit', () => child.kill('SIGKILL')); // never outlive the benchmark, even when it fails
    return new RoleProcess(child, role);
  }

  /** Resident memory in bytes, as the kernel counts it. */
  rss(): number {
    const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    if (!line) throw new Error(`no VmRSS for the ${this.role} process`);
    return Number(line[1]) * 1024;
  }

  /** CPU seconds used so far (user + system). */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
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
