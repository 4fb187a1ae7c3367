import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ADMIN_KEY_ID } from '../auth/admin-key.js';
import { AdminKeyAuth } from '../auth/auth.decorators.js';
import { FULL_TENANT_SCOPES } from '../policy/scopes.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { OptionalZodBody, parse } from '../common/validation.js';
import { apiKeyCreatedResponse, apiKeyPage, createOperatorKeySchema } from './api-key.dto.js';
import { ApiKeysService } from './api-keys.service.js';

/**
 * Admin only: keys with scope `operator`, which belong to no tenant and act for any tenant named in
 * `Hookrelay-Tenant` (as ADMIN_API_KEY can), without handing out ADMIN_API_KEY itself.
 */
@ApiTags('tenants')
@ApiBearerAuth()
@ApiCommonProblems()
@Controller('v1/operator-keys')
export class OperatorKeysController {
  constructor(@Inject(ApiKeysService) private readonly apiKeys: ApiKeysService) {}

  @Post()
  @AdminKeyAuth()
  @OptionalZodBody(createOperatorKeySchema)
  @ZodResponse(201, apiKeyCreatedResponse, 'Created; `apiKey` is shown only here')
  create(@Body() body: unknown) {
    const input = parse(createOperatorKeySchema, body ?? {});
    return this.apiKeys.create(null, { ...input, scopes: ['operator', ...(input.scopes ?? FULL_TENANT_SCOPES)], createdBy: ADMIN_KEY_ID });
  }

  @Get()
  @AdminKeyAuth()
  @ZodResponse(200, apiKeyPage)
  list() {
    return this.apiKeys.list(null);
  }

  @Delete(':id')
  @AdminKeyAuth()
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked: the key stops at once' })
  async revoke(@Param('id') id: string) {
    await this.apiKeys.revoke(null, id);
  }
}
