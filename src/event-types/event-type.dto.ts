import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';
import { EVENT_TYPE_NAME } from '../policy/event-matching.js';
import type { EventType } from './event-type.entity.js';

export const eventTypeName = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(EVENT_TYPE_NAME, 'must be dotted lower case, e.g. `job.created`');

const jsonSchema = z.record(z.string(), z.unknown()).describe('A JSON Schema (2020-12) every payload must satisfy');

export const createEventTypeSchema = z.strictObject({
  name: eventTypeName,
  description: z.string().max(1000).optional(),
  schema: jsonSchema.optional(),
});

export const updateEventTypeSchema = z.strictObject({
  description: z.string().max(1000).nullable().optional(),
  schema: jsonSchema.nullable().optional(),
});

export const listEventTypesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: eventTypeName.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

export type CreateEventTypeInput = z.output<typeof createEventTypeSchema>;
export type UpdateEventTypeInput = z.output<typeof updateEventTypeSchema>;

export function eventTypeView(t: EventType, builtIn: boolean) {
  return {
    name: t.name,
    description: t.description,
    schema: t.schema,
    builtIn,
    archived: t.archivedAt !== null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export const eventTypeResponse = z.object({
  name: z.string(),
  description: z.string().nullable(),
  schema: z.record(z.string(), z.unknown()).nullable(),
  builtIn: z.boolean(),
  archived: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export const eventTypePage = pageOf(eventTypeResponse);
