import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { TenantRouting } from './tenant-routing.js';

@Module({
  imports: [DeliveriesModule],
  controllers: [EventsController],
  providers: [EventsService, TenantRouting],
  exports: [EventsService],
})
export class EventsModule {}
