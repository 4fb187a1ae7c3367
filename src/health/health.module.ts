import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { Lifecycle } from './lifecycle.js';
import { MetricsService } from './metrics.service.js';

@Global()
@Module({
  controllers: [HealthController],
  providers: [MetricsService, Lifecycle],
  exports: [MetricsService, Lifecycle],
})
export class HealthModule {}
