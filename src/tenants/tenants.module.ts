import { Module } from '@nestjs/common';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { TenantBootstrapService } from './tenant-bootstrap.service.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [EventTypesModule],
  controllers: [TenantsController],
  providers: [TenantBootstrapService, TenantsService],
})
export class TenantsModule {}
