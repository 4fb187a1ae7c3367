import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { FilterJudge } from './filter-judge.js';
import { IngestQuotaGate } from './ingest-quota-gate.js';
import { TenantRouting } from './tenant-routing.js';

@Module({
  imports: [DeliveriesModule, DispatchModule],
  controllers: [EventsController],
  providers: [EventsService, IngestQuotaGate, TenantRouting, FilterJudge],
  exports: [EventsService, FilterJudge],
})
export class EventsModule {}
