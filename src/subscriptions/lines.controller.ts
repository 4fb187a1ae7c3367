import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody, ZodQuery } from '../common/validation.js';
import { linePage, listLinesQuery, skipLineSchema, skippedResponse } from './lines.dto.js';
import { LinesService } from './lines.service.js';

/** A FIFO subscription's lines, for a person to see which are stuck and to move one on. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/subscriptions')
export class LinesController {
  constructor(@Inject(LinesService) private readonly lines: LinesService) {}

  /** The lines with work in them, by key: each one's head (the delivery the rest wait for) and how many wait. */
  @Get(':id/lines')
  @RequireScope('read')
  @ZodQuery(listLinesQuery)
  @ZodResponse(200, linePage, 'By ordering key; `?stuck=true` only lines whose head has failed')
  list(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    return this.lines.list(tenant.id, id, parse(listLinesQuery, query));
  }

  /**
   * Skips the head of a line: it ends `cancelled` (`cancelReason: "skipped"`), whether it was still retrying or
   * had failed and blocked the line, and the next goes. `404`: no such line with work in it; `409`: an attempt of
   * the head is in flight (try again after it). Scope `subscriptions`: a full portal link may skip too, as it may
   * redeliver (both move a customer's own line on).
   */
  @Post(':id/lines/skip')
  @RequireScope('subscriptions')
  @HttpCode(200)
  @ZodBody(skipLineSchema)
  @ZodResponse(200, skippedResponse)
  skip(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    return this.lines.skip(tenant.id, id, parse(skipLineSchema, body).orderingKey);
  }
}
