import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody } from '../common/validation.js';
import { compileFilter, EventFields, explainFilter, type Filter } from '../policy/event-filter.js';
import { filterTestSchema, filterVerdictResponse, subscriptionFilterTestSchema } from './filter-test.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

const judge = (filter: Filter | null, data: Record<string, unknown>, type?: string) =>
  explainFilter(compileFilter(filter), { fields: new EventFields(data), type });

/** Tries a filter on a sample event, with the same code that routes real events, and says why it matched or not. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1')
export class FilterTestController {
  constructor(@Inject(SubscriptionsService) private readonly subscriptions: SubscriptionsService) {}

  @Post('filters/test')
  @RequireScope('read')
  @HttpCode(200)
  @ZodBody(filterTestSchema)
  @ZodResponse(200, filterVerdictResponse)
  test(@Body() body: unknown) {
    const { filter, data, type } = parse(filterTestSchema, body);
    return judge(filter, data, type);
  }

  /** The subscription's own filter (or `filter`, to try a change before making it). */
  @Post('subscriptions/:id/filter-test')
  @RequireScope('read')
  @HttpCode(200)
  @ZodBody(subscriptionFilterTestSchema)
  @ZodResponse(200, filterVerdictResponse)
  async testSubscription(@CurrentTenant() tenant: TenantContext, @Param('id') id: string, @Body() body: unknown) {
    // Another tenant's subscription is not found, whatever the body holds.
    const subscription = await this.subscriptions.get(tenant.id, id);
    const { filter, data, type } = parse(subscriptionFilterTestSchema, body);
    return judge(filter === undefined ? subscription.filter : filter, data, type);
  }
}
