import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Config } from '../app-config.token.js';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { payloadTooLarge, validationFailed } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { parse, ZodBody } from '../common/validation.js';
import { runTransform, transformInput } from '../policy/transform.js';
import { transformationTestResponse, transformationTestSchema } from './transformation-test.dto.js';

/** Tries a transform on a sample event with the code and bounds deliveries use (the console previews with it). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1')
export class TransformationsController {
  constructor(@Inject(Config) private readonly config: Config) {}

  @Post('transformations/test')
  @RequireScope('read')
  @HttpCode(200)
  @ZodBody(transformationTestSchema)
  @ZodResponse(200, transformationTestResponse)
  async test(@Body() body: unknown) {
    const { transform, type, data, payloadFormat = 'envelope' } = parse(transformationTestSchema, body);
    if (payloadFormat === 'form')
      throw validationFailed([{ field: 'payloadFormat', message: 'form takes no transform (use envelope or raw)' }]);
    const dataText = JSON.stringify(data);
    const size = Buffer.byteLength(dataText);
    if (size > this.config.payloadLimitBytes) {
      throw payloadTooLarge('The sample event is over the size limit of events.', [
        { field: 'data', message: `is ${size} bytes; the limit is ${this.config.payloadLimitBytes} (PAYLOAD_LIMIT_BYTES)` },
      ]);
    }
    const input = transformInput(payloadFormat, { id: newId('evt'), type, occurredAt: new Date(), dataText });
    const out = await runTransform(transform, input);
    if ('error' in out) throw validationFailed([{ field: 'transform', message: out.error }], 'The transform failed on this event.');
    return { body: JSON.parse(out.body) as Record<string, unknown> };
  }
}
