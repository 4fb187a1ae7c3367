import { Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery.worker.js';

@Module({ providers: [DeliveryWorker] })
export class WorkerModule {}
