import { And, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import type { DeliveryFilters } from '../policy/delivery-filters.js';
import type { Delivery } from './delivery.entity.js';

/** The deliveries of a tenant that the filters name (the search, and the replays). */
export function deliveryWhere(tenantId: string, f: DeliveryFilters): FindOptionsWhere<Delivery> {
  const where: FindOptionsWhere<Delivery> = { tenantId };
  if (f.status) where.status = f.status;
  if (f.kind) where.kind = f.kind;
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
