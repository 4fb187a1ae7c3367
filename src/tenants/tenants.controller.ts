import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminKeyAuth, ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { OptionalZodBody, parse, ZodBody } from '../common/validation.js';
import { requireScope } from '../auth/scope-rules.js';
import { FULL_TENANT_SCOPES } from '../policy/scopes.js';
import { apiKeyCreatedResponse, apiKeyPage, createApiKeySchema } from './api-key.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import { createTenantSchema, tenantCreatedResponse, tenantResponse, updateTenantSchema } from './tenant.dto.js';
import { TenantsService } from './tenants.service.js';

@ApiTags('tenants')
@ApiBearerAuth()
@ApiCommonProblems()
@Controller('v1')
export class TenantsController {
  constructor(
    @Inject(TenantsService) private readonly tenants: TenantsService,
    @Inject(ApiKeysService) private readonly apiKeys: ApiKeysService,
  ) {}

  /** Admin only: a new tenant and its first API key (shown once). */
  @Post('tenants')
  @AdminKeyAuth()
  @ZodBody(createTenantSchema)
  @ZodResponse(201, tenantCreatedResponse, 'Created; `apiKey` is shown only here')
  create(@Body() body: unknown) {
    const input = parse(createTenantSchema, body);
    return this.tenants.create(input.name, input.externalId ?? null);
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

  /** Another key for the caller's tenant (shown once), with at most the caller's own rights and life. */
  @Post('api-keys')
  @RequireScope('admin')
  @ApiKeyAuth()
  @OptionalZodBody(createApiKeySchema)
  @ZodResponse(201, apiKeyCreatedResponse, 'Created; `apiKey` is shown only here')
  createKey(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    const input = parse(createApiKeySchema, body ?? {});
    for (const scope of input.scopes ?? FULL_TENANT_SCOPES) requireScope(tenant.scopes, scope, 'a key with it');
    return this.apiKeys.create(tenant.id, { ...input, createdBy: tenant.keyId, makerExpiresAt: tenant.keyExpiresAt });
  }

  @Get('api-keys')
  @RequireScope('admin')
  @ApiKeyAuth()
  @ZodResponse(200, apiKeyPage)
  listKeys(@CurrentTenant() tenant: TenantContext) {
    return this.apiKeys.list(tenant.id);
  }

  @Delete('api-keys/:id')
  @RequireScope('admin')
  @ApiKeyAuth()
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked' })
  async revokeKey(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    await this.apiKeys.revoke(tenant.id, id, tenant.keyId);
  }
}
