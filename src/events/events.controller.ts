import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  Param,
  Post,
  Query,
  Req,
  type RawBodyRequest,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { stringifyWithRawJson } from '../policy/raw-json.js';
import { answerFor } from '../portal-sessions/portal-answer.interceptor.js';
import { parse, ZodBody, ZodQuery } from '../common/validation.js';
import {
  acceptedEventResponse,
  batchAcceptedResponse,
  batchInputSchema,
  eventInputSchema,
  eventPage,
  eventWithDeliveriesResponse,
  idempotencyKeySchema,
  listEventsQuery,
} from './event.dto.js';
import { dataTextsOf, EVENT_BATCH, ONE_EVENT } from './data-texts.js';
import { EventsService } from './events.service.js';
import { inServerSpan } from '../telemetry/trace-parent.js';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** The ingest request's span (see docs/operating.md, OpenTelemetry): each delivery's trace starts here. */
const ingestSpan = <T>(route: string, headers: RequestHeaders, tenant: TenantContext, fn: () => Promise<T>) =>
  inServerSpan(
    `POST ${route}`,
    headers,
    { 'http.request.method': 'POST', 'http.route': route, 'hookrelay.tenant_id': tenant.id },
    (err) => (err instanceof HttpException ? err.getStatus() : 500),
    fn,
    202,
  );

@ApiTags('events')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/events')
export class EventsController {
  constructor(@Inject(EventsService) private readonly events: EventsService) {}

  /** Accepts one event; the 202 means the event and its deliveries are durable. */
  @Post()
  @RequireScope('ingest')
  @SkipThrottle()
  @HttpCode(202)
  @ZodBody(eventInputSchema)
  @ZodResponse(202, acceptedEventResponse, 'Accepted: the event and its deliveries are durable')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first answer' })
  async create(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: unknown,
    @Req() request: RawBodyRequest<object>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers() headers: RequestHeaders,
  ) {
    return ingestSpan('/v1/events', headers, tenant, async () => {
      const key = parse(idempotencyKeySchema, idempotencyKey, 'Idempotency-Key');
      const [accepted] = await this.events.ingest(tenant, [body], dataTextsOf(request, ONE_EVENT), [key]);
      return accepted;
    });
  }

  /** Up to 500 events in one request and one database statement. */
  @Post('batch')
  @RequireScope('ingest')
  @SkipThrottle()
  @HttpCode(202)
  @ZodBody(batchInputSchema)
  @ZodResponse(202, batchAcceptedResponse, 'Accepted')
  async batch(
    @CurrentTenant() tenant: TenantContext,
    @Body() body: unknown,
    @Req() request: RawBodyRequest<object>,
    @Headers() headers: RequestHeaders,
  ) {
    return ingestSpan('/v1/events/batch', headers, tenant, async () => {
      const { events } = parse(batchInputSchema, body);
      return { data: await this.events.ingest(tenant, events, dataTextsOf(request, EVENT_BATCH), [], (i) => `events.${i}`) };
    });
  }

  @Get()
  @RequireScope('read')
  @ZodQuery(listEventsQuery)
  @ZodResponse(200, eventPage, 'Newest first')
  @Header('Content-Type', 'application/json')
  async list(@CurrentTenant() tenant: TenantContext, @Query() query: unknown) {
    return stringifyWithRawJson(answerFor(tenant, await this.events.list(tenant.id, parse(listEventsQuery, query))));
  }

  @Get(':id')
  @RequireScope('read')
  @ZodResponse(200, eventWithDeliveriesResponse)
  @Header('Content-Type', 'application/json')
  async get(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    return stringifyWithRawJson(answerFor(tenant, await this.events.get(tenant.id, id)));
  }

  /**
   * Purges the event's payload now (right to be forgotten): its `data` and its deliveries' response bodies go,
   * unfinished deliveries are cancelled; the event, delivery and attempt metadata stay. Idempotent.
   */
  @Delete(':id')
  @RequireScope('manage')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Purged' })
  async forget(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    await this.events.forget(tenant.id, id);
  }
}
