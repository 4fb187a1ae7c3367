import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { z } from 'zod';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { asyncApiDocument } from './asyncapi-document.js';
import { EventType } from './event-type.entity.js';

const asyncApiResponse = z
  .object({ asyncapi: z.literal('3.0.0') })
  .catchall(z.unknown())
  .describe('An AsyncAPI 3.0 document');

/** The event catalog as a document to hand to the people who receive the webhooks. */
@ApiTags('event-types')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/catalog')
export class CatalogController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** AsyncAPI 3.0 of the tenant's non-archived event types: envelope, schema, Standard Webhooks headers. */
  @Get('asyncapi')
  @RequireScope('read')
  @ZodResponse(200, asyncApiResponse, 'AsyncAPI 3.0 (JSON)')
  async asyncApi(@CurrentTenant() tenant: TenantContext) {
    const types = await this.db
      .getRepository(EventType)
      .find({ where: { tenantId: tenant.id, archivedAt: IsNull() }, order: { name: 'ASC' } });
    return asyncApiDocument(tenant.name, types);
  }
}
