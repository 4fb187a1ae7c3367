import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { Lifecycle } from './lifecycle.js';
import { MetricsService } from './metrics.service.js';
import { DeliveryLagMetrics } from './delivery-lag-metrics.js';
import { ProcessMetrics } from './process-metrics.js';

@Global()
@Module({
  controllers: [HealthController],
  providers: [MetricsService, Lifecycle, ProcessMetrics, DeliveryLagMetrics],
  exports: [MetricsService, Lifecycle],
})
export class HealthModule {}
