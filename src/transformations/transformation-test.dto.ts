import { z } from 'zod';
import { jsonObject } from '../common/validation.js';
import { eventTypeName } from '../event-types/event-type.dto.js';
import { transformExpression } from '../subscriptions/subscription.dto.js';

/** A transform tried on a sample event: nothing is stored or sent. */
export const transformationTestSchema = z.strictObject({
  transform: transformExpression.describe('The JSONata expression to try'),
  type: eventTypeName.describe('The event type the sample envelope carries'),
  data: jsonObject().describe('The event data, as it would be posted'),
  payloadFormat: z
    .enum(['envelope', 'raw', 'form'])
    .optional()
    .describe('What the transform sees: the envelope (default) or, for `raw`, the data; `form` takes no transform'),
});

export const transformationTestResponse = z.object({
  body: z.record(z.string(), z.unknown()).describe('The body a receiver would get (before signing)'),
});
