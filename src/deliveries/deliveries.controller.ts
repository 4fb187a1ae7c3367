import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodQuery } from '../common/validation.js';
import { DeliveriesService } from './deliveries.service.js';
import { deliveryPage, deliveryResponse, deliveryWithAttemptsResponse, searchDeliveriesQuery } from './delivery.dto.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  /** The tenant's deliveries across its subscriptions, newest first, filtered; cursor-paged. */
  @Get()
  @RequireScope('read')
  @ZodQuery(searchDeliveriesQuery)
  @ZodResponse(200, deliveryPage, 'Newest first')
  search(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.deliveries.search(tenant.id, parse(searchDeliveriesQuery, query));
  }

  /** A delivery with every attempt, oldest first, and a link to its workflow in the Temporal UI. */
  @Get(':id')
  @RequireScope('read')
  @ZodResponse(200, deliveryWithAttemptsResponse)
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.deliveries.withAttempts(tenant.id, id);
  }

  /** A new delivery (kind `redelivery`) of the same event to the same subscription. */
  @Post(':id/redeliver')
  @RequireScope('subscriptions')
  @HttpCode(202)
  @ZodResponse(202, deliveryResponse, 'The new delivery')
  redeliver(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.deliveries.redeliverOne(tenant.id, id);
  }

  /** No more attempts. */
  @Post(':id/cancel')
  @RequireScope('manage')
  @HttpCode(200)
  @ZodResponse(200, deliveryResponse)
  cancel(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.deliveries.cancel(tenant.id, id);
  }
}
