import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { workflowIdFor } from '../../workflows/contracts.js';
import { conflict, notFound } from '../common/errors.js';
import { cancelDeliveries } from '../database/delivery-store/index.js';
import { purgedEvents, writeRedeliveries } from '../database/delivery-store/index.js';
import { toPage } from '../common/pagination.js';
import { Attempt } from './attempt.entity.js';
import { DeliveryDispatcher } from '../dispatch/delivery-dispatcher.js';
import { attemptView, deliveryView, type ListDeliveriesQuery, type SearchDeliveriesQuery } from './delivery.dto.js';
import { Delivery } from './delivery.entity.js';
import { deliveryWhere } from './delivery-filters.js';

@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
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
    const where = deliveryWhere(tenantId, q, q.cursor);
    const rows = await this.db.getRepository(Delivery).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((d) => this.view(d)), nextCursor: page.nextCursor };
  }

  async listForSubscription(tenantId: string, subscriptionId: string, q: ListDeliveriesQuery) {
    const where = deliveryWhere(tenantId, { subscriptionId, status: q.status, eventType: q.eventType, since: q.since }, q.cursor);
    const rows = await this.db.getRepository(Delivery).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((d) => this.view(d)), nextCursor: page.nextCursor };
  }

  /** New deliveries (kind `redelivery`) of the same events to the same subscriptions; `webhook-id` stays the event id. */
  async redeliver(tenantId: string, originals: Delivery[]): Promise<Delivery[]> {
    // One transaction: the events stay share-locked until their redeliveries are written (see writeRedeliveries).
    const items = await this.db.transaction((tx) => writeRedeliveries(tx, tenantId, originals));
    this.dispatcher.enqueue(items);
    if (items.length === 0) return [];
    return this.db.getRepository(Delivery).find({ where: { id: In(items.map((i) => i.id)) }, order: { id: 'ASC' } });
  }

  async redeliverOne(tenantId: string, id: string) {
    const original = await this.get(tenantId, id);
    if ((await purgedEvents(this.db, [original.eventId])).size)
      throw conflict(
        `The payload of event ${original.eventId} was purged (retention or DELETE /v1/events/:id); there is nothing to send again.`,
      );
    const [created] = await this.redeliver(tenantId, [original]);
    if (!created) throw conflict(`The subscription of delivery ${id} was deleted; there is nowhere to redeliver.`);
    return this.view(created);
  }

  /**
   * No more attempts: the row says cancelled at once, the signal cuts a running backoff short. An attempt in flight
   * meanwhile ends on its own (its answer is recorded); the next of a FIFO line goes only after it.
   */
  async cancel(tenantId: string, id: string) {
    const delivery = await this.get(tenantId, id);
    if (delivery.status === 'succeeded' || delivery.status === 'failed') {
      throw conflict(`Delivery ${id} already ended ${delivery.status}.`);
    }
    // The next of its FIFO line no longer waits for it (unless an attempt of it is in flight: its end wakes it).
    if (delivery.status !== 'cancelled') await this.dispatcher.afterCancel(await cancelDeliveries(this.db, { deliveryId: id }));
    return this.view(await this.get(tenantId, id));
  }
}
