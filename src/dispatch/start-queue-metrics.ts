import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '../health/metrics.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';

/** The start pump's depth in /metrics: read at scrape time from this process's dispatcher. */
@Injectable()
export class StartQueueMetrics implements OnModuleInit {
  constructor(
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  onModuleInit(): void {
    const dispatcher = this.dispatcher;
    new Gauge({
      name: 'webhook_start_queue_depth',
      help: "Workflow starts queued or in flight in this process's start pump (high for long: Temporal is slow or down)",
      registers: [this.metrics.registry],
      collect() {
        this.set(dispatcher.pendingStarts);
      },
    });
  }
}
