import { And, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { idCondition, idWindow } from '../common/id-window.js';
import type { DeliveryFilters } from '../policy/delivery-filters.js';
import type { Delivery } from './delivery.entity.js';

/**
 * The deliveries of a tenant that the filters name, below the page's cursor. The time window is also an id window
 * (ids sort by creation time), so the walk down an (…, id) index stops at `since` instead of the tenant's first
 * delivery; `created_at` still decides exactly which rows are in.
 */
export function deliveryWhere(tenantId: string, f: DeliveryFilters, cursor?: string): FindOptionsWhere<Delivery> {
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
  const id = idCondition(idWindow('dlv', since, until), cursor);
  if (id) where.id = id;
  return where;
}
