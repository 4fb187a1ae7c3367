import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { matchesEvents, matchesFilter, patternsMatching } from '../policy/event-matching.js';
import type { SubscriptionStatus } from '../subscriptions/subscription.entity.js';

export interface CandidateSubscription {
  id: string;
  events: string[];
  filter: Record<string, unknown> | null;
  status: SubscriptionStatus;
  url: string;
}

/** Finds the subscriptions an event goes to: patterns narrowed in SQL (one `&&`), filters checked here. */
@Injectable()
export class SubscriptionMatcher {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Live (active or paused) subscriptions that could match any of `types`. */
  async candidates(tenantId: string, types: string[]): Promise<CandidateSubscription[]> {
    const patterns = [...new Set(types.flatMap(patternsMatching))];
    return this.db.query(
      `SELECT id, events, filter, status, url FROM subscriptions
        WHERE tenant_id = $1 AND deleted_at IS NULL AND status <> 'disabled' AND events && $2::text[]
        ORDER BY id`,
      [tenantId, patterns],
    );
  }

  static select(candidates: CandidateSubscription[], type: string, data: unknown): CandidateSubscription[] {
    return candidates.filter((s) => matchesEvents(s.events, type) && matchesFilter(s.filter, data));
  }
}
