import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import type { FastifyReply } from 'fastify';
import { missingScope } from '../common/errors.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { OptionalZodBody, parse, ZodQuery } from '../common/validation.js';
import { idempotencyKeySchema } from '../events/event.dto.js';
import { createReplaySchema, dryRunResponse, listReplaysQuery, replayPage, replayResponse } from './replay.dto.js';
import { ReplaysService } from './replays.service.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/replays')
export class ReplaysController {
  constructor(@Inject(ReplaysService) private readonly replays: ReplaysService) {}

  /**
   * Sends again every original delivery the filters name (those of `GET /v1/deliveries`; no redeliveries, pings
   * or test sends unless `kind` asks, no cancelled ones unless `status` asks), oldest first, paced, each once
   * however replays overlap: `202` and the replay, whose progress `GET /v1/replays/:id` shows. A body with no
   * filter at all is refused (`422`). With `dryRun`, `200`: what it would send and skip, and a sample.
   */
  @Post()
  @RequireScope('manage')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key answers the first replay (200)' })
  @OptionalZodBody(createReplaySchema)
  @ZodResponse(202, replayResponse, 'Started')
  @ZodResponse(200, dryRunResponse.or(replayResponse), 'A dry run, or the replay this Idempotency-Key made before')
  async create(
    @CurrentTenant() tenant: TenantContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const key = parse(idempotencyKeySchema, idempotencyKey, 'Idempotency-Key');
    const input = parse(createReplaySchema, body ?? {});
    if (input.dryRun) {
      res.status(200);
      return this.replays.dryRun(tenant.id, input);
    }
    const { created, replay } = await this.replays.create(tenant.id, input, key);
    res.status(created ? 202 : 200);
    return replay;
  }

  /** Stops a running replay: no more redeliveries are made; those made go on. `409` once it ended otherwise. */
  @Post(':id/cancel')
  @RequireScope('manage')
  @HttpCode(200)
  @ZodResponse(200, replayResponse, 'Cancelled')
  cancel(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.replays.cancel(tenant.id, id);
  }

  /** The tenant's replays, newest first (`?status=` only those in that state). Not through a portal link. */
  @Get()
  @RequireScope('read')
  @ZodQuery(listReplaysQuery)
  @ZodResponse(200, replayPage, 'Newest first')
  list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    refuseThroughPortal(tenant, 'list');
    return this.replays.list(tenant.id, parse(listReplaysQuery, query));
  }

  /** One replay and its progress. Not through a portal link. */
  @Get(':id')
  @RequireScope('read')
  @ZodResponse(200, replayResponse)
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    refuseThroughPortal(tenant, 'show');
    return this.replays.get(tenant.id, id);
  }
}

/** A link reaches only what an end customer manages, never the tenant-wide replays (API.md, portal sessions). */
function refuseThroughPortal(tenant: TenantContext, verb: 'list' | 'show'): void {
  if (tenant.portalSessionId)
    throw missingScope('manage', `A portal link does not ${verb} the tenant’s replays; that needs the scope \`manage\`.`);
}
