import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody, ZodQuery } from '../common/validation.js';
import {
  createEventTypeSchema,
  eventTypeName,
  eventTypePage,
  eventTypeResponse,
  listEventTypesQuery,
  updateEventTypeSchema,
} from './event-type.dto.js';
import { EventTypesService } from './event-types.service.js';

@ApiTags('event types')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/event-types')
export class EventTypesController {
  constructor(@Inject(EventTypesService) private readonly eventTypes: EventTypesService) {}

  @Post()
  @RequireScope('manage')
  @ZodBody(createEventTypeSchema)
  @ZodResponse(201, eventTypeResponse, 'Created')
  create(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    return this.eventTypes.create(tenant.id, parse(createEventTypeSchema, body));
  }

  @Get()
  @RequireScope('read')
  @ZodQuery(listEventTypesQuery)
  @ZodResponse(200, eventTypePage, 'The catalog, by name')
  list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    const q = parse(listEventTypesQuery, query);
    return this.eventTypes.list(tenant.id, q.limit, q.cursor, q.includeArchived === 'true');
  }

  @Get(':name')
  @RequireScope('read')
  @ZodResponse(200, eventTypeResponse)
  get(@CurrentTenant() tenant: TenantContext, @Param('name') name: string) {
    return this.eventTypes.view(tenant.id, parse(eventTypeName, name, 'name'));
  }

  @Patch(':name')
  @RequireScope('manage')
  @ZodBody(updateEventTypeSchema)
  @ZodResponse(200, eventTypeResponse)
  update(@CurrentTenant() tenant: TenantContext, @Param('name') name: string, @Body() body: unknown) {
    return this.eventTypes.update(tenant.id, parse(eventTypeName, name, 'name'), parse(updateEventTypeSchema, body));
  }

  @Delete(':name')
  @RequireScope('manage')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Archived' })
  async archive(@CurrentTenant() tenant: TenantContext, @Param('name') name: string) {
    await this.eventTypes.archive(tenant.id, parse(eventTypeName, name, 'name'));
  }
}
