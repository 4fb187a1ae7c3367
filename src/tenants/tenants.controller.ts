import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminKeyAuth, ApiKeyAuth } from '../auth/auth.decorators.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody } from '../common/validation.js';
import {
  apiKeyCreatedResponse,
  apiKeyPage,
  createTenantSchema,
  tenantCreatedResponse,
  tenantResponse,
  updateTenantSchema,
} from './tenant.dto.js';
import { TenantsService } from './tenants.service.js';

@ApiTags('tenants')
@ApiBearerAuth()
@ApiCommonProblems()
@Controller('v1')
export class TenantsController {
  constructor(@Inject(TenantsService) private readonly tenants: TenantsService) {}

  /** Admin only: a new tenant and its first API key (shown once). */
  @Post('tenants')
  @AdminKeyAuth()
  @ZodBody(createTenantSchema)
  @ZodResponse(201, tenantCreatedResponse, 'Created; `apiKey` is shown only here')
  create(@Body() body: unknown) {
    return this.tenants.create(parse(createTenantSchema, body).name);
  }

  /** Admin only: a tenant and its ingest quota. */
  @Get('tenants/:id')
  @AdminKeyAuth()
  @ZodResponse(200, tenantResponse)
  get(@Param('id') id: string) {
    return this.tenants.get(id);
  }

  /** Admin only: sets the tenant's own ingest quota (`null`: back to the default); applies from its next request. */
  @Patch('tenants/:id')
  @AdminKeyAuth()
  @ZodBody(updateTenantSchema)
  @ZodResponse(200, tenantResponse)
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.tenants.update(id, parse(updateTenantSchema, body));
  }

  /** Another key for the caller's tenant (shown once). */
  @Post('api-keys')
  @ApiKeyAuth()
  @ZodResponse(201, apiKeyCreatedResponse, 'Created; `apiKey` is shown only here')
  createKey(@CurrentTenant() tenant: TenantContext) {
    return this.tenants.createKey(tenant.id);
  }

  @Get('api-keys')
  @ApiKeyAuth()
  @ZodResponse(200, apiKeyPage)
  listKeys(@CurrentTenant() tenant: TenantContext) {
    return this.tenants.listKeys(tenant.id);
  }

  @Delete('api-keys/:id')
  @ApiKeyAuth()
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked' })
  async revokeKey(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    await this.tenants.revokeKey(tenant.id, id, tenant.keyId);
  }
}
