import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { dataTextsOf, ONE_EVENT } from '../events/data-texts.js';
import { ApiBearerAuth, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { pageQuery } from '../common/pagination.js';
import { OptionalZodBody, parse, ZodBody, ZodQuery } from '../common/validation.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { deliveryPage, listDeliveriesQuery } from '../deliveries/delivery.dto.js';
import {
  createSubscriptionSchema,
  fromForm,
  publicKeyResponse,
  recoveredResponse,
  recoverSchema,
  rotateSecretSchema,
  secretResponse,
  subscriptionCreatedResponse,
  subscriptionPage,
  subscriptionResponse,
  subscriptionResumedResponse,
  subscriptionUpdatedResponse,
  testSendResponse,
  testSendSchema,
  updateSubscriptionSchema,
} from './subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

const listSubscriptionsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['active', 'paused', 'disabled']).optional(),
  event: z.string().max(100).optional(),
});

/** Form bodies get their arrays and objects rebuilt before validation; JSON passes through. */
const bodyOf = (req: FastifyRequest, body: unknown) =>
  /^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers['content-type'] ?? '')
    ? fromForm((body ?? {}) as Record<string, unknown>)
    : body;

@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(
    @Inject(SubscriptionsService) private readonly subscriptions: SubscriptionsService,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
  ) {}

  /** Creates a subscription; the answer is the only time its secret is shown. */
  @Post()
  @RequireScope('subscriptions')
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ZodBody(createSubscriptionSchema)
  @ZodResponse(201, subscriptionCreatedResponse, 'Created; `secret` is shown only here')
  create(@CurrentTenant() tenant: TenantContext, @Req() req: FastifyRequest, @Body() body: unknown) {
    return this.subscriptions.create(tenant.id, parse(createSubscriptionSchema, bodyOf(req, body)));
  }

  @Get()
  @RequireScope('read')
  @ZodQuery(listSubscriptionsQuery)
  @ZodResponse(200, subscriptionPage, 'Newest first')
  list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return this.subscriptions.list(tenant.id, parse(listSubscriptionsQuery, query));
  }

  @Get(':id')
  @RequireScope('read')
  @ZodResponse(200, subscriptionResponse)
  get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.subscriptions.view(tenant.id, id);
  }

  @Patch(':id')
  @RequireScope('subscriptions')
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ZodBody(updateSubscriptionSchema)
  @ZodResponse(200, subscriptionUpdatedResponse)
  update(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Req() req: FastifyRequest, @Body() body: unknown) {
    return this.subscriptions.update(tenant.id, id, parse(updateSubscriptionSchema, bodyOf(req, body)));
  }

  @Delete(':id')
  @RequireScope('subscriptions')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted; unfinished deliveries cancelled' })
  async remove(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    await this.subscriptions.remove(tenant.id, id);
  }

  @Post(':id/pause')
  @RequireScope('subscriptions')
  @HttpCode(200)
  @ZodResponse(200, subscriptionResponse)
  pause(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.subscriptions.pause(tenant.id, id);
  }

  @Post(':id/resume')
  @RequireScope('subscriptions')
  @HttpCode(200)
  @ZodResponse(200, subscriptionResumedResponse, 'Active again; `released` held deliveries are on their way')
  resume(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.subscriptions.resume(tenant.id, id);
  }

  /** The `whpk_` key an ed25519 subscription's receivers verify with; `409` for the HMAC schemes. */
  @Get(':id/public-key')
  @RequireScope('read')
  @ZodResponse(200, publicKeyResponse)
  publicKey(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return this.subscriptions.publicKey(tenant.id, id);
  }

  /** A new secret (a new key pair for ed25519); `graceSeconds` keeps the old one signing too until the grace ends. */
  @Post(':id/rotate-secret')
  @RequireScope('subscriptions')
  @HttpCode(200)
  @OptionalZodBody(rotateSecretSchema)
  @ZodResponse(200, secretResponse, 'The new secret, shown only here')
  rotateSecret(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    return this.subscriptions.rotateSecret(tenant.id, id, parse(rotateSecretSchema, body ?? {}).graceSeconds);
  }

  /** One real attempt now, even while paused; the answer says what the receiver did. */
  @Post(':id/test')
  @RequireScope('subscriptions')
  @HttpCode(200)
  @OptionalZodBody(testSendSchema)
  @ZodResponse(200, testSendResponse, 'What the receiver did')
  test(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown, @Req() request: RawBodyRequest<object>) {
    return this.subscriptions.test(tenant.id, id, parse(testSendSchema, body ?? {}), dataTextsOf(request, ONE_EVENT));
  }

  /**
   * Sends again every delivery of the window that ended failed, as a replay (batched, paced, resumable): `202`
   * at once with the count and the replay. A repeat while it runs answers the same replay; a delivery already
   * sent again (under way or succeeded) is not sent twice.
   */
  @Post(':id/recover')
  @RequireScope('subscriptions')
  @HttpCode(202)
  @ZodBody(recoverSchema)
  @ZodResponse(202, recoveredResponse)
  recover(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    const q = parse(recoverSchema, body);
    return this.subscriptions.recover(tenant.id, id, new Date(q.since), q.until ? new Date(q.until) : undefined);
  }

  /** The subscription's delivery history, newest first. */
  @Get(':id/deliveries')
  @RequireScope('read')
  @ZodQuery(listDeliveriesQuery)
  @ZodResponse(200, deliveryPage, 'Newest first')
  async history(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Query() query: unknown) {
    const q = parse(listDeliveriesQuery, query);
    await this.subscriptions.get(tenant.id, id);
    return this.deliveries.listForSubscription(tenant.id, id, q);
  }
}
