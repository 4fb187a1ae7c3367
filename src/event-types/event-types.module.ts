import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller.js';
import { EventTypesController } from './event-types.controller.js';
import { EventTypesService } from './event-types.service.js';

@Module({
  controllers: [EventTypesController, CatalogController],
  providers: [EventTypesService],
  exports: [EventTypesService],
})
export class EventTypesModule {}
