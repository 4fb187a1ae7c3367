import { z } from 'zod';
import { isoDate, pageOf } from '../common/openapi.js';
import { pageQuery } from '../common/pagination.js';
import { deliveryFilters, deliveryResponse, windowInOrder } from '../deliveries/delivery.dto.js';
import { DELIVERY_KINDS } from '../policy/delivery-filters.js';
import { DRY_RUN_COUNT_CAP } from '../database/replay-selection.js';
import type { Replay } from './replay.entity.js';

export const createReplaySchema = z
  .strictObject({
    ...deliveryFilters,
    dryRun: z.boolean().optional().describe('Answer how many deliveries the filters name, and a sample, without replaying'),
  })
  .refine(windowInOrder, { path: ['until'], message: 'must be after since' });
export type CreateReplayInput = z.output<typeof createReplaySchema>;

export const REPLAY_STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;

export const replayResponse = z.object({
  id: z.string(),
  status: z
    .enum(REPLAY_STATUSES)
    .describe('`cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)'),
  filters: z.record(z.string(), z.unknown()).describe('As sent'),
  createdBefore: isoDate.describe('Only deliveries created before this are replayed (never the replay’s own)'),
  total: z
    .number()
    .int()
    .describe('Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask)'),
  sent: z.number().int().describe('Redeliveries made so far'),
  skipped: z
    .number()
    .int()
    .describe(
      'Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted',
    ),
  createdAt: isoDate,
  completedAt: isoDate.nullable(),
  workflowId: z.string(),
  temporalUrl: z.string().optional().describe('The Temporal UI page of its workflow (operators only: absent through a portal link)'),
});

const CAP = DRY_RUN_COUNT_CAP.toLocaleString('en');

export const replayPage = pageOf(replayResponse);

export const listReplaysQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(REPLAY_STATUSES).optional(),
});
export type ListReplaysQuery = z.output<typeof listReplaysQuery>;

export const dryRunResponse = z.object({
  dryRun: z.literal(true),
  count: z
    .number()
    .int()
    .describe(`Deliveries the filters name: what a replay made now would go through; at most ${CAP} (see countCapped)`),
  countCapped: z
    .boolean()
    .optional()
    .describe(`The filters name more than \`count\`: counting stopped at ${CAP} (the oldest), and the other figures are of those`),
  wouldSend: z.number().int().describe('Of those, how many it would send again now'),
  wouldSkip: z.object({
    alreadyResent: z.number().int().describe('A redelivery of it is under way or succeeded (another replay, a recover, a redeliver)'),
    purged: z.number().int().describe('Its event was purged or forgotten'),
    subscriptionDeleted: z.number().int(),
  }),
  kind: z.enum(DELIVERY_KINDS).describe('The kind of delivery named: `event` (originals) unless the filters ask for another'),
  includesCancelled: z.boolean().describe('Cancelled deliveries are named only when the filters ask for status `cancelled`'),
  createdBefore: isoDate.describe('The cut by the database’s clock: the request’s `until`, or now'),
  sample: z.array(deliveryResponse).describe('Up to 10 of them, newest first'),
});

export function replayView(r: Replay, links: { workflowId: string; temporalUrl: string }) {
  return {
    id: r.id,
    status: r.status,
    filters: r.filters as Record<string, unknown>,
    createdBefore: r.createdBefore.toISOString(),
    total: r.total,
    sent: r.sent,
    skipped: r.skipped,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    ...links,
  };
}
