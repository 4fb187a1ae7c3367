import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { DeliveriesService } from './deliveries.service.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  /** A delivery with every attempt, oldest first, and a link to its workflow in the Temporal UI. */
  @Get(':id')
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.deliveries.withAttempts(tenant.id, id);
  }
}
