import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { DeliverySweeper } from './delivery-sweeper.js';

@Module({
  controllers: [DeliveriesController],
  providers: [DeliveriesService, DeliveryDispatcher, DeliverySweeper],
  exports: [DeliveriesService, DeliveryDispatcher],
})
export class DeliveriesModule {}
