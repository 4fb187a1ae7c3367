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
 * cancelled delivery unless the filters ask for `cancelled`.
 */
export function replaySelection(tenantId: string, f: ReplayFilters, cut: Date): Selection {
  const params: unknown[] = [tenantId, cut];
  const conditions = ['d.tenant_id = $1', 'd.created_at < $2'];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
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
