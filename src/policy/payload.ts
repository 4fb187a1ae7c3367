import { RawJson, stringifyWithRawJson } from './raw-json.js';

export const PAYLOAD_FORMATS = ['envelope', 'raw', 'form'] as const;
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number];

export interface PayloadEvent {
  id: string;
  type: string;
  occurredAt: Date;
  /** The event's data as the exact JSON text received: sent as it is, never parsed and serialised again. */
  dataText: string;
}

/**
 * The exact request body and its content type, by the subscription's payload format. The envelope is written
 * around the data's text (a splice), so receivers get the data byte for byte as it was sent: key order, number
 * spelling (`12345678901234567890`, `1.50`, `1e400`, `-0.0`), escapes and whitespace.
 */
export function buildPayload(format: PayloadFormat, event: PayloadEvent, account: string): { body: string; contentType: string } {
  const timestamp = event.occurredAt.toISOString();
  switch (format) {
    case 'raw':
      return { body: event.dataText, contentType: 'application/json' };
    case 'form':
      return {
        body: new URLSearchParams({ id: event.id, type: event.type, timestamp, account, data: event.dataText }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'envelope':
      return {
        body: stringifyWithRawJson({ id: event.id, type: event.type, timestamp, data: new RawJson(event.dataText) }),
        contentType: 'application/json',
      };
  }
}
