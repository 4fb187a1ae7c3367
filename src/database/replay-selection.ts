import { idWindow } from '../common/id-window.js';
import type { DeliveryFilters } from '../policy/delivery-filters.js';

/** The filters a replay stores (those of the delivery search; `until` is folded into its cut). */
export type ReplayFilters = DeliveryFilters;

/** SQL over deliveries `d`: a condition and its parameters, numbered from $1. */
export interface Selection {
  sql: string;
  params: unknown[];
}

/** Whether the body names any delivery filter at all: a replay of everything the tenant ever had is refused. */
export const hasFilter = (f: ReplayFilters) => Object.values(f).some((v) => v !== undefined);

/**
 * The deliveries a replay names: those the filters name that were created before its cut (by Postgres's clock,
 * the clock of `created_at`), originals only (`kind` = `event`) unless the filters ask for a kind, and no
 * cancelled delivery unless the filters ask for `cancelled`. The time window is also an id window (ids sort by
 * creation time, see src/common/id-window.ts), so a walk down (tenant_id, id) reads the window only.
 */
export function replaySelection(tenantId: string, f: ReplayFilters, cut: Date): Selection {
  const params: unknown[] = [tenantId, cut];
  const conditions = ['d.tenant_id = $1', 'd.created_at < $2'];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  const ids = idWindow('dlv', f.since ? new Date(f.since) : undefined, cut);
  add((p) => `d.id < ${p}`, ids.below);
  if (ids.from) add((p) => `d.id >= ${p}`, ids.from);
  add((p) => `d.kind = ${p}`, f.kind ?? 'event');
  if (f.status) add((p) => `d.status = ${p}`, f.status);
  else conditions.push(`d.status <> 'cancelled'`);
  if (f.eventType) add((p) => `d.event_type = ${p}`, f.eventType);
  if (f.subscriptionId) add((p) => `d.subscription_id = ${p}`, f.subscriptionId);
  if (f.statusCode) add((p) => `d.last_status_code = ${p}`, f.statusCode);
  if (f.since) add((p) => `d.created_at >= ${p}`, new Date(f.since));
  return { sql: conditions.join(' AND '), params };
}

/** SQL over deliveries `d`: already sent again by a redelivery under way or succeeded (see alreadyResent). */
export const RESENT = `EXISTS (SELECT 1 FROM deliveries r WHERE r.redelivery_of = d.id AND r.status NOT IN ('failed', 'cancelled'))`;

/** A dry run counts at most this many deliveries (and says when there are more): its answer costs no more than that. */
export const DRY_RUN_COUNT_CAP = 10_000;

/**
 * A dry run's counts over the first `cap` deliveries a selection names (oldest first, as the replay goes), and
 * whether it names more (`capped`): the answer reads at most `cap` + 1 of them however many there are.
 */
export const dryRunCountSql = (selection: string, cap: number) =>
  `WITH named AS (SELECT d.id, d.event_id, d.subscription_id FROM deliveries d WHERE ${selection} ORDER BY d.id LIMIT ${cap + 1}),
        counted AS (SELECT * FROM named ORDER BY id LIMIT ${cap})
   SELECT (SELECT count(*) FROM named) > ${cap} AS capped,
          count(*)::int AS count,
          count(*) FILTER (WHERE ${RESENT})::int AS "alreadyResent",
          count(*) FILTER (WHERE e.purged_at IS NOT NULL)::int AS purged,
          count(*) FILTER (WHERE s.deleted_at IS NOT NULL)::int AS "subscriptionDeleted",
          count(*) FILTER (WHERE NOT ${RESENT} AND e.purged_at IS NULL AND s.deleted_at IS NULL)::int AS "wouldSend"
     FROM counted d JOIN events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id`;
