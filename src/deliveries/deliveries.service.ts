import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { workflowIdFor } from '../../workflows/contracts.js';
import { notFound } from '../common/errors.js';
import { toPage } from '../common/pagination.js';
import { Attempt } from './attempt.entity.js';
import { DeliveryDispatcher } from './delivery-dispatcher.js';
import { attemptView, deliveryView, type ListDeliveriesQuery } from './delivery.dto.js';
import { Delivery } from './delivery.entity.js';

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
}
