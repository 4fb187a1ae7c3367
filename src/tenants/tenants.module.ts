import { Module } from '@nestjs/common';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { ApiKeysService } from './api-keys.service.js';
import { OperatorKeysController } from './operator-keys.controller.js';
import { TenantBootstrapService } from './tenant-bootstrap.service.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [EventTypesModule],
  controllers: [TenantsController, OperatorKeysController],
  providers: [TenantBootstrapService, TenantsService, ApiKeysService],
})
export class TenantsModule {}
