import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../common/pagination.js';
import { pageOf } from '../common/openapi.js';
import { DELIVERY_STATUSES } from '../policy/delivery-filters.js';

/** A page of lines is ordered by their key; the cursor is the last key of the page, opaque (`ln_` + base64url). */
const CURSOR = /^ln_[A-Za-z0-9_-]*$/;

export const listLinesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(400).regex(CURSOR, 'must be a nextCursor from an earlier page').optional(),
  stuck: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: only lines whose head has failed (it blocks its line, or it is retrying after a failed attempt)'),
});
export type ListLinesQuery = z.output<typeof listLinesQuery>;

export const encodeLineCursor = (orderingKey: string) => `ln_${Buffer.from(orderingKey, 'utf8').toString('base64url')}`;
export const decodeLineCursor = (cursor: string) => Buffer.from(cursor.slice(3), 'base64url').toString('utf8');

export const skipLineSchema = z.strictObject({
  orderingKey: z
    .string()
    .max(300)
    .describe('The line: the value its events have at the subscription’s `orderingKey` pointer, as `GET .../lines` shows it'),
});

export const lineResponse = z.object({
  orderingKey: z
    .string()
    .describe('The line’s key: the value its events have at the subscription’s `orderingKey` pointer ("" for one line)'),
  head: z
    .object({ id: z.string(), status: z.enum(DELIVERY_STATUSES), attemptCount: z.number().int() })
    .describe('The first delivery that holds the line: the one the rest wait for'),
  blocked: z.boolean().describe('The head failed and the line waits for a person to redeliver or skip it (fifoOnFailure `block`)'),
  waiting: z.number().int().describe('Deliveries behind the head, waiting for it'),
});
export const linePage = pageOf(lineResponse);

export const skippedResponse = z.object({
  skipped: z.string().describe('The head that was skipped: it ended `cancelled` with `cancelReason: "skipped"`'),
  next: z.string().nullable().describe('The line’s new head, woken now; null when the line is empty'),
});
