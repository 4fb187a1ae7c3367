import { Module } from '@nestjs/common';
import { EventTypesModule } from '../event-types/event-types.module.js';
import { TenantBootstrapService } from './tenant-bootstrap.service.js';

@Module({
  imports: [EventTypesModule],
  providers: [TenantBootstrapService],
})
export class TenantsModule {}
