import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { SubscriptionMatcher } from './subscription-matcher.js';

@Module({
  imports: [DeliveriesModule],
  controllers: [EventsController],
  providers: [EventsService, SubscriptionMatcher],
  exports: [EventsService],
})
export class EventsModule {}
