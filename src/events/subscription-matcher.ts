import { matchesAnyPattern, patternsMatching } from '../policy/event-matching.js';
import type { Ordering } from '../policy/ordering.js';
import type { SubscriptionStatus } from '../subscriptions/subscription.entity.js';
import type { FilterJudge } from './filter-judge.js';

export interface CandidateSubscription {
  id: string;
  events: string[];
  filter: Record<string, unknown> | null;
  status: SubscriptionStatus;
  url: string;
  ordering?: Ordering;
  orderingKey?: string | null;
}

/** Finds the subscriptions an event goes to among the tenant's (see TenantRouting): patterns and filters. */
export class SubscriptionMatcher {
  /**
   * The candidates one event goes to. The event's patterns are worked out once for all candidates; the filters of
   * those whose patterns match are judged together (FilterJudge: each path read and each pattern run once per
   * event, off the event loop when costly).
   */
  static async select(
    judge: FilterJudge,
    tenantId: string,
    candidates: CandidateSubscription[],
    type: string,
    data: unknown,
  ): Promise<CandidateSubscription[]> {
    const wanted = new Set(patternsMatching(type));
    const byType = candidates.filter((s) => matchesAnyPattern(s.events, wanted));
    const verdicts = await judge.matches(
      tenantId,
      byType.map((s) => s.filter),
      type,
      data,
    );
    return byType.filter((_, i) => verdicts[i]);
  }
}
