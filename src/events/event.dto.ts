import { isoDateTime, jsonObject } from '../common/validation.js';
import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';
import { pageQuery } from '../common/pagination.js';
import { deliveryResponse } from '../deliveries/delivery.dto.js';
import { eventTypeName } from '../event-types/event-type.dto.js';
import { MAX_BATCH } from '../policy/ingest-quota-arithmetic.js';

export const eventInputSchema = z.strictObject({
  type: eventTypeName,
  data: jsonObject(),
  /** A client id: a repeat with the same id returns the first answer and creates nothing new. */
  id: z.string().min(1).max(255).optional(),
  occurredAt: isoDateTime().optional(),
});
export type EventInput = z.output<typeof eventInputSchema>;

export const batchInputSchema = z.strictObject({
  events: z.array(z.unknown()).min(1, 'must hold at least one event').max(MAX_BATCH, `at most ${MAX_BATCH} events`),
});

export const idempotencyKeySchema = z.string().min(1).max(255).optional();

export const listEventsQuery = z.strictObject({
  ...pageQuery,
  type: eventTypeName.optional(),
  since: isoDateTime().optional(),
});
export type ListEventsQuery = z.output<typeof listEventsQuery>;

export interface AcceptedEvent {
  id: string;
  type: string;
  occurredAt: string;
  deliveries: { id: string; subscriptionId: string; status: string }[];
}

export const acceptedEventResponse = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: isoDate,
  deliveries: z.array(z.object({ id: z.string(), subscriptionId: z.string(), status: z.string() })),
});
export const batchAcceptedResponse = z.object({ data: z.array(acceptedEventResponse) });
export const eventResponse = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: isoDate,
  data: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Exactly the JSON text it was sent with, byte for byte; null once purged (retention, or DELETE /v1/events/:id)'),
  createdAt: isoDate,
  purgedAt: isoDate.nullable().describe('When the payload was purged; the event, its deliveries and attempts stay'),
});
export const eventWithDeliveriesResponse = eventResponse.extend({ deliveries: z.array(deliveryResponse) });
export const eventPage = pageOf(eventResponse);
