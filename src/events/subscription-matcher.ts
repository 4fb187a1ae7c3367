import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compiledFilterOf, EventFields, filterMatches } from '../policy/event-filter.js';
import { matchesAnyPattern, patternsMatching } from '../policy/event-matching.js';
import type { Ordering } from '../policy/ordering.js';
import type { SubscriptionStatus } from '../subscriptions/subscription.entity.js';

export interface CandidateSubscription {
  id: string;
  events: string[];
  filter: Record<string, unknown> | null;
  status: SubscriptionStatus;
  url: string;
  ordering?: Ordering;
  orderingKey?: string | null;
}

/** Finds the subscriptions an event goes to: patterns narrowed in SQL (one `&&`), filters checked here. */
@Injectable()
export class SubscriptionMatcher {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Live (active or paused) subscriptions that could match any of `types`. */
  async candidates(tenantId: string, types: string[]): Promise<CandidateSubscription[]> {
    const patterns = [...new Set(types.flatMap(patternsMatching))];
    return this.db.query(
      `SELECT id, events, filter, status, url, ordering, ordering_key AS "orderingKey" FROM subscriptions
        WHERE tenant_id = $1 AND deleted_at IS NULL AND status <> 'disabled' AND events && $2::text[]
        ORDER BY id`,
      [tenantId, patterns],
    );
  }

  /**
   * The candidates one event goes to. The event's patterns and each filter path are worked out once for all
   * candidates, and each filter is compiled once per candidate row, so a batch reuses them: linear cost.
   */
  static select(candidates: CandidateSubscription[], type: string, data: unknown): CandidateSubscription[] {
    const wanted = new Set(patternsMatching(type));
    const fields = new EventFields(data);
    return candidates.filter((s) => matchesAnyPattern(s.events, wanted) && filterMatches(compiledFilterOf(s.filter), fields));
  }
}
