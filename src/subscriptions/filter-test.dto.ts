import { z } from 'zod';
import { jsonObject } from '../common/validation.js';
import { eventTypeName } from '../event-types/event-type.dto.js';
import { filterSchema } from './filter-schema.js';

/** A sample event to judge a filter against: nothing is stored or sent. */
const sample = {
  data: jsonObject().describe('The event data to judge, as it would be posted'),
  type: eventTypeName.optional().describe('The event type, for `$type` conditions (absent: they do not hold)'),
};

export const filterTestSchema = z.strictObject({
  ...sample,
  filter: filterSchema.nullable().describe('The filter to judge; null: no filter (every event matches)'),
});

export const subscriptionFilterTestSchema = z.strictObject({
  ...sample,
  filter: filterSchema.nullable().optional().describe("A filter to try instead of the subscription's own"),
});

export const filterVerdictResponse = z.object({
  matches: z.boolean(),
  reason: z.string().describe('The condition that decided it, e.g. `amount is 50, not > 100`'),
});
