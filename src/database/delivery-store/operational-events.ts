import { newId } from '../../common/ids.js';
import type { Queryable } from '../queryable.js';
import type { DispatchItem } from './dispatch-item.js';
import type { RaiseRequest } from '../../../workflows/contracts.js';
import { insertEvents } from './inserts.js';
import { deliveriesFor, type Target } from './delivery-rows.js';

/**
 * Writes an event about the service itself (`delivery.exhausted`, `subscription.disabled`) with its deliveries
 * to the tenant's subscriptions that name the type exactly; inside the transaction of the outcome that calls for
 * it, so it is raised exactly once (its key makes a repeat a no-op). Returns the deliveries to start.
 */
export async function writeOperationalEvent(db: Queryable, request: RaiseRequest): Promise<DispatchItem[]> {
  const targets: Target[] = await db.query(
    `SELECT id, status, url, ordering, ordering_key AS "orderingKey" FROM subscriptions
      WHERE tenant_id = $1 AND deleted_at IS NULL AND status <> 'disabled' AND events @> ARRAY[$2]::text[]`,
    [request.tenantId, request.type],
  );
  if (targets.length === 0) return [];
  const event = {
    id: newId('evt'),
    type: request.type,
    data: request.data,
    dataText: JSON.stringify(request.data),
    occurredAt: new Date(),
    idempotencyKey: request.key,
    deliveries: deliveriesFor(request.tenantId, request.type, targets, 'event', request.data),
  };
  const { inserted } = await insertEvents(db, request.tenantId, [event], 'event');
  return inserted.has(event.id) ? event.deliveries : [];
}
