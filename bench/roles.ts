// The deployed shape for the benchmark: api and worker role processes (`--role api|worker`) against the
// benchmark's Postgres database and Temporal server, on a task queue of their own.
import { freePort } from '../test/helpers/ports.js';
import type { TestService } from '../test/helpers/service.js';
import { RoleProcess } from './role-process.js';

export interface Roles {
  apis: RoleProcess[];
  workers: RoleProcess[];
  /** The api processes' base URLs, in the order of `apis`. */
  urls: string[];
  stop(): Promise<void>;
}

export function roleEnv(svc: TestService, temporalAddress: string, taskQueue: string, port: number): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: svc.config.databaseUrl,
    ...svc.temporalEnv,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SECRETS_KEY: svc.config.secretsKey,
    BOOTSTRAP_API_KEY: svc.apiKey,
    DATA_DIR: svc.config.dataDir,
    RATE_LIMIT_PER_MINUTE: '100000000',
    TENANT_EVENTS_PER_SECOND: '1000000',
    ALLOW_HTTP_TARGETS: 'true',
    ALLOWED_PRIVATE_CIDRS: '127.0.0.0/8',
    LOG_LEVEL: 'warn',
  };
}

/**
 * Starts `apis` api processes and `workers` worker processes on one task queue. BENCH_CPU_PROF=<dir> runs the
 * api processes under `node --cpu-prof`, writing a profile there when they stop.
 */
export async function startRoles(
  svc: TestService,
  temporalAddress: string,
  taskQueue: string,
  counts: { apis: number; workers: number },
): Promise<Roles> {
  const prof = process.env['BENCH_CPU_PROF'];
  const apiArgs = prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : [];
  const workers: RoleProcess[] = [];
  const apis: RoleProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < counts.workers; i++)
    workers.push(await RoleProcess.start('worker', roleEnv(svc, temporalAddress, taskQueue, await freePort())));
  for (let i = 0; i < counts.apis; i++) {
    const port = await freePort();
    apis.push(await RoleProcess.start('api', roleEnv(svc, temporalAddress, taskQueue, port), 60_000, apiArgs));
    urls.push(`http://127.0.0.1:${port}`);
  }
  return {
    apis,
    workers,
    urls,
    stop: async () => void (await Promise.all([...apis, ...workers].map((p) => p.stop()))),
  };
}
