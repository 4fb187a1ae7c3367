import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { DeliverySweeper } from './delivery-sweeper.js';

@Module({
  controllers: [DeliveriesController],
  providers: [DeliveriesService, DeliveryDispatcher, DeliveryReconciler, DeliverySweeper],
  exports: [DeliveriesService, DeliveryDispatcher],
})
export class DeliveriesModule {}
