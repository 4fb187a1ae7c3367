import { Module } from '@nestjs/common';
import { RetentionSchedule } from '../retention/retention-schedule.js';
import { DeliveryWorker } from './delivery.worker.js';

@Module({ providers: [DeliveryWorker, RetentionSchedule] })
export class WorkerModule {}
