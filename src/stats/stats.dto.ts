import { z } from 'zod';
import { isoDate } from '../common/openapi.js';
import { isoDateTime } from '../common/validation.js';
import { DELIVERY_STATUSES } from '../policy/delivery-filters.js';

/** How far back a stats window may reach: a week of hourly buckets is 169 rows at most. */
export const MAX_STATS_WINDOW_MS = 7 * 24 * 3600_000;

export const deliveryStatsQuery = z.strictObject({
  since: isoDateTime()
    .optional()
    .describe('Start of the window (default: 24 hours ago); at most 7 days back')
    .refine((v) => v === undefined || Date.now() - Date.parse(v) <= MAX_STATS_WINDOW_MS, 'must be within the last 7 days'),
});

const countsByStatus = z.object(
  Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof DELIVERY_STATUSES)[number], z.ZodNumber>,
);
export type CountsByStatus = z.output<typeof countsByStatus>;

export const deliveryStatsResponse = z.object({
  since: isoDate,
  until: isoDate,
  total: z.number().int(),
  byStatus: countsByStatus.describe('Deliveries created in the window, by their current status'),
  hourly: z
    .array(z.object({ hour: isoDate.describe('Start of the hour (UTC)'), ...countsByStatus.shape }))
    .describe('The same counts per hour of creation, oldest first, every hour of the window present'),
});
