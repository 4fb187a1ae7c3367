import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Config } from '../app-config.token.js';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { payloadTooLarge, validationFailed } from '../common/errors.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody } from '../common/validation.js';
import { FilterJudge } from '../events/filter-judge.js';
import { type Filter } from '../policy/event-filter.js';
import { filterBudgetProblems } from './filter-budget.js';
import { filterTestSchema, filterVerdictResponse, subscriptionFilterTestSchema } from './filter-test.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Tries a filter on a sample event, with the same code that routes real events, and says why it matched or not. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1')
export class FilterTestController {
  constructor(
    @Inject(SubscriptionsService) private readonly subscriptions: SubscriptionsService,
    @Inject(FilterJudge) private readonly judge: FilterJudge,
    @Inject(Config) private readonly config: Config,
  ) {}

  @Post('filters/test')
  @RequireScope('read')
  @HttpCode(200)
  @ZodBody(filterTestSchema)
  @ZodResponse(200, filterVerdictResponse)
  test(@CurrentTenant() tenant: TenantContext, @Body() body: unknown) {
    const { filter, data, type } = parse(filterTestSchema, body);
    return this.verdict(tenant.id, filter, data, type);
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
    return this.verdict(tenant.id, filter === undefined ? subscription.filter : filter, data, type);
  }

  /**
   * Judged as ingest would judge it: `data` within PAYLOAD_LIMIT_BYTES, the filter within the budget a
   * subscription's filter must keep, off the event loop when costly.
   */
  private async verdict(tenantId: string, filter: Filter | null, data: Record<string, unknown>, type?: string) {
    const size = Buffer.byteLength(JSON.stringify(data));
    if (size > this.config.payloadLimitBytes) {
      throw payloadTooLarge('The sample event is over the size limit of events.', [
        { field: 'data', message: `is ${size} bytes; the limit is ${this.config.payloadLimitBytes} (PAYLOAD_LIMIT_BYTES)` },
      ]);
    }
    const problems = filterBudgetProblems(filter, this.config.payloadLimitBytes);
    if (problems.length)
      throw validationFailed(problems, 'The filter can cost more than its budget on an event of the largest accepted size.');
    return this.judge.explain(tenantId, filter, type, data);
  }
}
