import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { FastifyReply } from 'fastify';
import { Config } from '../app-config.token.js';
import { temporalSdkMetrics } from '../temporal/sdk-metrics.js';
import { Lifecycle } from './lifecycle.js';
import { MetricsService } from './metrics.service.js';

/** One dependency's state in /ready: `process` (draining), `database`, `temporal`. */
const indicators = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
  },
};
const readiness = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: { status: { type: 'string', enum: ['ok', 'error'] }, info: indicators, error: indicators, details: indicators },
};
const liveness = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok', 'error'] }, error: { type: 'string' } },
};

@ApiTags('operations')
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(NativeConnection) private readonly temporal: NativeConnection,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
  ) {}

  /** Liveness: the process answers, and its Temporal worker (worker and all roles) runs. */
  @Get('health')
  @ApiOkResponse({ description: 'The process is alive', schema: liveness })
  @ApiServiceUnavailableResponse({ description: "The process's Temporal worker stopped or failed: restart it", schema: liveness })
  live(@Res({ passthrough: true }) res: FastifyReply) {
    const dead = this.lifecycle.deadWorker();
    if (dead) res.status(503);
    return dead ? { status: 'error', error: dead } : { status: 'ok' };
  }

  /**
   * Readiness: Postgres answers and the process is not draining. Ingestion needs only Postgres (workflow starts
   * wait in the outbox), so Temporal's state is reported but required only of a worker-only process.
   */
  @Get('ready')
  @ApiOkResponse({ description: 'Postgres is reachable and the process is not shutting down', schema: readiness })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable, or the process is draining after a SIGTERM', schema: readiness })
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const details: Record<string, { status: 'up' | 'down'; message?: string }> = {};
    if (this.lifecycle.draining) details['process'] = { status: 'down', message: 'draining: shutting down' };
    const [database, temporal] = await Promise.all([
      this.probe(() => this.db.query('SELECT 1')),
      this.probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    details['database'] = database;
    details['temporal'] = temporal;
    const required = ['process', 'database', ...(this.config.role === 'worker' ? ['temporal'] : [])];
    const failed = required.filter((key) => details[key]?.status === 'down');
    if (failed.length) res.status(503);
    const pick = (up: boolean) => Object.fromEntries(Object.entries(details).filter(([, d]) => (d.status === 'up') === up));
    return { status: failed.length ? 'error' : 'ok', info: pick(true), error: pick(false), details };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async prometheus(@Res() res: FastifyReply) {
    // Ours, then the Temporal SDK's own (temporal_*), which the runtime keeps per process (src/temporal/sdk-metrics.ts).
    const text = (await this.metrics.registry.metrics()) + (await temporalSdkMetrics.metrics());
    res.type(this.metrics.registry.contentType).send(text);
  }

  private async probe(check: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; message?: string }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 3000)))]);
      return { status: 'up' };
    } catch (err) {
      return { status: 'down', message: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
