import { Module } from '@nestjs/common';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { DeliveryReconciler } from './delivery-reconciler.js';
import { DeliverySweeper } from './delivery-sweeper.js';
import { StartQueueMetrics } from './start-queue-metrics.js';

/**
 * The start pump: every start of, and every signal to, a delivery workflow from the api goes through the
 * DeliveryDispatcher (the worker's activities through workerDispatch); the sweeper and the reconciler start
 * what it did not get to.
 */
@Module({
  providers: [DeliveryDispatcher, DeliveryReconciler, DeliverySweeper, StartQueueMetrics],
  exports: [DeliveryDispatcher],
})
export class DispatchModule {}
