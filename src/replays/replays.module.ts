import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { ReplaysController } from './replays.controller.js';
import { ReplaysService } from './replays.service.js';

@Module({ imports: [DeliveriesModule], controllers: [ReplaysController], providers: [ReplaysService], exports: [ReplaysService] })
export class ReplaysModule {}
