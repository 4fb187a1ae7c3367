import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, run as users run it: `node dist/cli/hookrelay.js`. */
export const CLI_PATH = fileURLToPath(new URL('../../cli/hookrelay.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Environment for the CLI with nothing inherited that would point it elsewhere. */
export function cliEnv(extra: Record<string, string | undefined>): Record<string, string | undefined> {
  const { HOOKRELAY_API_URL: _u, HOOKRELAY_API_KEY: _k, DATA_DIR: _d, ...rest } = process.env;
  return { ...rest, ...extra };
}

/** Runs one command to its end. */
export function runCli(args: string[], { env, cwd }: CliEnv, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`hookrelay ${args.join(' ')} ran over ${timeoutMs} ms`))),
      timeoutMs,
    );
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code: code ?? -1, stdout, stderr })));
  });
}

/** A long-running command (`listen`) whose output is watched line by line. */
export class CliProcess {
  readonly lines: string[] = [];
  stderr = '';
  private readonly child: ChildProcess;
  /** The exit code, once the process has ended. */
  readonly exited: Promise<number>;

  constructor(args: string[], { env, cwd }: CliEnv) {
    this.child = spawn(process.execPath, [CLI_PATH, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    this.child.stdout!.on('data', (c: Buffer) => {
      const parts = (partial + c.toString()).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  }

  /** The first line matching `pattern`, waiting for it. */
  async waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => pattern.test(l));
      if (line !== undefined) return line;
      if (Date.now() > deadline) {
        throw new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal (Ctrl-C is SIGINT) and waits for the exit code. */
  stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number> {
    this.child.kill(signal);
    return this.exited;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
