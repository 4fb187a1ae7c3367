import type { FieldError } from '../common/errors.js';
import { validationFailed } from '../common/errors.js';
import type { Queryable } from '../database/queryable.js';
import type { Filter } from '../policy/event-filter.js';
import { FILTER_BUDGET, worstCaseCost } from '../policy/filter-cost.js';

const costOf = (filter: Filter | null, payloadBytes: number) => {
  try {
    return worstCaseCost(filter, payloadBytes);
  } catch {
    return 0; // A stored pattern today's rules refuse: never compiled, so never run either.
  }
};

/**
 * Why a filter can blow its budget (filter-cost.ts) on some event of PAYLOAD_LIMIT_BYTES: judged on the worst
 * event, so no event the service accepts can make this filter cost more. Empty when it fits.
 */
export function filterBudgetProblems(filter: Filter | null | undefined, payloadBytes: number, field = 'filter'): FieldError[] {
  const cost = costOf(filter ?? null, payloadBytes);
  if (cost <= FILTER_BUDGET.perFilter) return [];
  return [
    {
      field,
      message:
        `can cost up to ${cost} units on an event of PAYLOAD_LIMIT_BYTES (${payloadBytes} bytes); the budget is ` +
        `${FILTER_BUDGET.perFilter} per filter and event. A $regex costs its RE2 program size per character it reads, ` +
        `and the patterns of one path add up: use fewer or simpler patterns on a path`,
    },
  ];
}

/**
 * Refuses a filter that would take the tenant's filters together past their budget on one event: every live
 * subscription's filter may be judged on every event the tenant sends. Call inside the transaction that writes
 * it, after checkSubscriptionQuota's lock (which keeps concurrent writes of the tenant in line).
 */
export async function checkTenantFilterBudget(
  tx: Queryable,
  tenantId: string,
  subscriptionId: string | null,
  filter: Filter | null,
  payloadBytes: number,
): Promise<void> {
  const own = costOf(filter, payloadBytes);
  if (own === 0) return;
  const rows: { filter: Filter | null }[] = await tx.query(
    `SELECT filter FROM subscriptions WHERE tenant_id = $1 AND deleted_at IS NULL AND filter IS NOT NULL AND id <> $2`,
    [tenantId, subscriptionId ?? ''],
  );
  const others = rows.reduce((sum, r) => sum + costOf(r.filter, payloadBytes), 0);
  if (own + others <= FILTER_BUDGET.perTenant) return;
  throw validationFailed([
    {
      field: 'filter',
      message:
        `with this filter (up to ${own} units on an event of ${payloadBytes} bytes) the tenant's filters together can cost ` +
        `${own + others} units per event; the budget is ${FILTER_BUDGET.perTenant}. Simplify this or another subscription's patterns`,
    },
  ]);
}
