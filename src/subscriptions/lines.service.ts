import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, conflict } from '../common/errors.js';
import { blocksLine, holdsLine, skipLineHead } from '../database/delivery-store/index.js';
import { DeliveryDispatcher } from '../dispatch/delivery-dispatcher.js';
import type { DeliveryStatus } from '../deliveries/delivery.entity.js';
import { decodeLineCursor, encodeLineCursor, type ListLinesQuery } from './lines.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

interface LineRow {
  orderingKey: string;
  headId: string;
  headStatus: DeliveryStatus;
  attemptCount: number;
  blocked: boolean;
  waiting: string;
}

// The lines with work in them (delivery_lines keeps only those), each with its head (the first delivery that
// holds it, see src/database/delivery-store/lines.ts) and how many hold it behind the head. Stuck: the head has
// failed, and blocks its line or retries after a failed attempt.
const LINES_SQL = `
SELECT l.ordering_key AS "orderingKey", h.id AS "headId", h.status AS "headStatus", h.attempt_count AS "attemptCount",
       h.blocked,
       (SELECT count(*) FROM deliveries w
         WHERE w.subscription_id = l.subscription_id AND w.ordering_key = l.ordering_key
           AND w.line_position > h.line_position AND ${holdsLine('w')}) AS waiting
  FROM delivery_lines l
  CROSS JOIN LATERAL (
    SELECT q.id, q.status, q.attempt_count, q.line_position, ${blocksLine('q')} AS blocked FROM deliveries q
     WHERE q.subscription_id = l.subscription_id AND q.ordering_key = l.ordering_key
       AND q.line_position IS NOT NULL AND ${holdsLine('q')}
     ORDER BY q.line_position LIMIT 1
  ) h
 WHERE l.subscription_id = $1 AND ($2::text IS NULL OR l.ordering_key > $2)
   AND (NOT $3::boolean OR h.blocked OR (h.status = 'retrying' AND h.attempt_count > 0))
 ORDER BY l.ordering_key
 LIMIT $4`;

/** A FIFO subscription's lines: who heads each, how many wait, and a person's skip of a head. */
@Injectable()
export class LinesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SubscriptionsService) private readonly subscriptions: SubscriptionsService,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async list(tenantId: string, subscriptionId: string, q: ListLinesQuery) {
    await this.subscriptions.get(tenantId, subscriptionId);
    const after = q.cursor === undefined ? null : decodeLineCursor(q.cursor);
    const rows: LineRow[] = await this.db.query(LINES_SQL, [subscriptionId, after, q.stuck === 'true', q.limit + 1]);
    const data = rows.slice(0, q.limit).map((r) => ({
      orderingKey: r.orderingKey,
      head: { id: r.headId, status: r.headStatus, attemptCount: r.attemptCount },
      blocked: r.blocked,
      waiting: Number(r.waiting),
    }));
    return { data, nextCursor: rows.length > q.limit ? encodeLineCursor(data[data.length - 1].orderingKey) : null };
  }

  /** The line's head ends `cancelled` (reason `skipped`) and the next goes; 409 while an attempt of the head is out. */
  async skip(tenantId: string, subscriptionId: string, orderingKey: string) {
    await this.subscriptions.get(tenantId, subscriptionId);
    const skipped = await skipLineHead(this.db, subscriptionId, orderingKey);
    if (!skipped.found)
      throw new AppError(
        'not-found',
        HttpStatus.NOT_FOUND,
        'Not found',
        `Subscription ${subscriptionId} has no line ${JSON.stringify(orderingKey)} with work in it (GET .../lines lists them).`,
      );
    if (skipped.inFlight)
      throw conflict(
        `An attempt of the line's head ${skipped.headId} is in flight; its outcome decides the line. Try again after it (seconds).`,
      );
    await this.dispatcher.afterCancel({ cancelled: skipped.cancelled, wake: skipped.wake });
    return { skipped: skipped.headId, next: skipped.wake[0] ?? null };
  }
}
