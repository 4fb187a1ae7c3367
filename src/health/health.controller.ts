import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { FastifyReply } from 'fastify';
import { MetricsService } from './metrics.service.js';

@ApiTags('operations')
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicator: HealthIndicatorService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(NativeConnection) private readonly temporal: NativeConnection,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ description: 'The process is alive', schema: { type: 'object', properties: { status: { type: 'string' } } } })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres and Temporal both answer. */
  @Get('ready')
  @HealthCheck()
  @ApiOkResponse({ description: 'Postgres and Temporal are reachable' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is unreachable' })
  ready() {
    return this.health.check([
      () => this.probe('database', () => this.db.query('SELECT 1')),
      () => this.probe('temporal', () => this.temporal.workflowService.getSystemInfo({})),
    ]);
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async prometheus(@Res() res: FastifyReply) {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }

  private async probe(key: string, check: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 3000))]);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
