import type { PayloadFormat } from '../subscriptions/subscription.entity.js';

export interface PayloadEvent {
  id: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** The exact request body and its content type, by the subscription's payload format. */
export function buildPayload(format: PayloadFormat, event: PayloadEvent, account: string): { body: string; contentType: string } {
  const timestamp = event.occurredAt.toISOString();
  switch (format) {
    case 'raw':
      return { body: JSON.stringify(event.data), contentType: 'application/json' };
    case 'form':
      return {
        body: new URLSearchParams({
          id: event.id,
          type: event.type,
          timestamp,
          account,
          data: JSON.stringify(event.data),
        }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'envelope':
      return {
        body: JSON.stringify({ id: event.id, type: event.type, timestamp, data: event.data }),
        contentType: 'application/json',
      };
  }
}
