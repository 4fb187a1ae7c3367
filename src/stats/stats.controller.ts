import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodQuery } from '../common/validation.js';
import { deliveryStatsQuery, deliveryStatsResponse } from './stats.dto.js';
import { StatsService } from './stats.service.js';

const DAY_MS = 24 * 3600_000;

@ApiTags('stats')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/stats')
export class StatsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  /** Deliveries created in a window (default the last 24 hours) by status, in total and per hour: the console's chart. */
  @Get('deliveries')
  @RequireScope('read')
  @ZodQuery(deliveryStatsQuery)
  @ZodResponse(200, deliveryStatsResponse)
  deliveries(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    const { since } = parse(deliveryStatsQuery, query);
    return this.stats.deliveries(tenant.id, since ? new Date(since) : new Date(Date.now() - DAY_MS));
  }
}
