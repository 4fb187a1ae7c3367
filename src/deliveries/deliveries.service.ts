import { Inject, Injectable } from '@nestjs/common';
import { And, DataSource, In, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { Client } from '@temporalio/client';
import { cancelSignal, wakeSignal, workflowIdFor } from '../../workflows/contracts.js';
import { conflict, notFound } from '../common/errors.js';
import { nextInLine } from './delivery-lines.js';
import { deliveriesFor, insertDeliveries, type Target } from '../events/event-writer.js';
import { toPage } from '../common/pagination.js';
import { Attempt } from './attempt.entity.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { attemptView, deliveryView, type DeliveryFilters, type ListDeliveriesQuery, type SearchDeliveriesQuery } from './delivery.dto.js';
import { Delivery } from './delivery.entity.js';

@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  view(d: Delivery) {
    return deliveryView(d, { workflowId: workflowIdFor(d.id), temporalUrl: this.dispatcher.temporalUrl(d.id) });
  }

  async get(tenantId: string, id: string): Promise<Delivery> {
    const delivery = await this.db.getRepository(Delivery).findOneBy({ tenantId, id });
    if (!delivery) throw notFound('delivery', id);
    return delivery;
  }

  async withAttempts(tenantId: string, id: string) {
    const delivery = await this.get(tenantId, id);
    const attempts = await this.db.getRepository(Attempt).find({ where: { deliveryId: id }, order: { number: 'ASC' } });
    return { ...this.view(delivery), attempts: attempts.map(attemptView) };
  }

  async forEvent(eventId: string) {
    const rows = await this.db.getRepository(Delivery).find({ where: { eventId }, order: { id: 'ASC' } });
    return rows.map((d) => this.view(d));
  }

  /** The tenant's deliveries across its subscriptions, newest first, by the filters of `deliveryWhere`. */
  async search(tenantId: string, q: SearchDeliveriesQuery) {
    const where = deliveryWhere(tenantId, q);
    if (q.cursor) where.id = LessThan(q.cursor);
    const rows = await this.db.getRepository(Delivery).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((d) => this.view(d)), nextCursor: page.nextCursor };
  }

  async listForSubscription(tenantId: string, subscriptionId: string, q: ListDeliveriesQuery) {
    const where: FindOptionsWhere<Delivery> = { tenantId, subscriptionId };
    if (q.status) where.status = q.status;
    if (q.eventType) where.eventType = q.eventType;
    if (q.since) where.createdAt = MoreThanOrEqual(new Date(q.since));
    if (q.cursor) where.id = LessThan(q.cursor);
    const rows = await this.db.getRepository(Delivery).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((d) => this.view(d)), nextCursor: page.nextCursor };
  }

  /** New deliveries (kind `redelivery`) of the same events to the same subscriptions; `webhook-id` stays the event id. */
  async redeliver(tenantId: string, originals: Delivery[]): Promise<Delivery[]> {
    // A purged event has nothing left to send.
    const purged = await this.purgedEvents(originals.map((d) => d.eventId));
    originals = originals.filter((d) => !purged.has(d.eventId));
    if (originals.length === 0) return [];
    const subs: (Target & { deleted: boolean })[] = await this.db.query(
      `SELECT id, status, url, ordering, ordering_key AS "orderingKey", deleted_at IS NOT NULL AS deleted
         FROM subscriptions WHERE tenant_id = $1 AND id = ANY($2)`,
      [tenantId, [...new Set(originals.map((d) => d.subscriptionId))]],
    );
    const byId = new Map(subs.map((s) => [s.id, s]));
    const data = await this.dataOfLinedEvents(originals, byId);
    const items = originals.flatMap((d) => {
      const sub = byId.get(d.subscriptionId);
      if (!sub || sub.deleted) return [];
      return deliveriesFor(tenantId, d.eventType, [sub], 'redelivery', data.get(d.eventId)).map((item) => ({
        ...item,
        eventId: d.eventId,
      }));
    });
    await insertDeliveries(this.db, items, 'redelivery');
    this.dispatcher.enqueue(items);
    if (items.length === 0) return [];
    return this.db.getRepository(Delivery).find({ where: { id: In(items.map((i) => i.id)) }, order: { id: 'ASC' } });
  }

  /** The data of the events whose redelivery joins a FIFO line named by a part of it (the line of today's key). */
  private async dataOfLinedEvents(originals: Delivery[], subs: Map<string, Target>): Promise<Map<string, unknown>> {
    const ids = originals.filter((d) => subs.get(d.subscriptionId)?.orderingKey != null).map((d) => d.eventId);
    if (ids.length === 0) return new Map();
    const rows: { id: string; data: unknown }[] = await this.db.query(`SELECT id, data FROM events WHERE id = ANY($1)`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, r.data]));
  }

  private async purgedEvents(eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM events WHERE id = ANY($1) AND purged_at IS NOT NULL`, [
      [...new Set(eventIds)],
    ]);
    return new Set(rows.map((r) => r.id));
  }

  async redeliverOne(tenantId: string, id: string) {
    const original = await this.get(tenantId, id);
    if ((await this.purgedEvents([original.eventId])).size)
      throw conflict(
        `The payload of event ${original.eventId} was purged (retention or DELETE /v1/events/:id); there is nothing to send again.`,
      );
    const [created] = await this.redeliver(tenantId, [original]);
    if (!created) throw conflict(`The subscription of delivery ${id} was deleted; there is nowhere to redeliver.`);
    return this.view(created);
  }

  /** No more attempts: the row says cancelled at once, the signal cuts a running backoff short. */
  async cancel(tenantId: string, id: string) {
    const delivery = await this.get(tenantId, id);
    if (delivery.status === 'succeeded' || delivery.status === 'failed') {
      throw conflict(`Delivery ${id} already ended ${delivery.status}.`);
    }
    if (delivery.status !== 'cancelled') {
      await this.db.query(
        `UPDATE deliveries SET status = 'cancelled', completed_at = now(), updated_at = now()
          WHERE id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
        [id],
      );
      await this.temporal.workflow
        .getHandle(workflowIdFor(id))
        .signal(cancelSignal)
        .catch(() => undefined);
      // The next of its FIFO line no longer waits for it.
      if (delivery.orderingKey !== null) await this.dispatcher.signal(await nextInLine(this.db, id), wakeSignal);
    }
    return this.view(await this.get(tenantId, id));
  }
}

/** The deliveries of a tenant that the filters name (the search, and the replays). */
export function deliveryWhere(tenantId: string, f: DeliveryFilters): FindOptionsWhere<Delivery> {
  const where: FindOptionsWhere<Delivery> = { tenantId };
  if (f.status) where.status = f.status;
  if (f.eventType) where.eventType = f.eventType;
  if (f.subscriptionId) where.subscriptionId = f.subscriptionId;
  if (f.statusCode) where.lastStatusCode = f.statusCode;
  const since = f.since ? new Date(f.since) : undefined;
  const until = f.until ? new Date(f.until) : undefined;
  if (since && until) where.createdAt = And(MoreThanOrEqual(since), LessThan(until));
  else if (since) where.createdAt = MoreThanOrEqual(since);
  else if (until) where.createdAt = LessThan(until);
  return where;
}
