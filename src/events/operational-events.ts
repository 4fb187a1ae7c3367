import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { newId } from '../common/ids.js';
import { startDeliveryWorkflows, type StarterOptions } from '../deliveries/workflow-starter.js';
import { deliveriesFor, insertEvents, type Target } from './event-writer.js';

/**
 * Raises an event about the service itself (`delivery.exhausted`, `subscription.disabled`) to the tenant's
 * subscriptions that name the type exactly. Used by the worker's activities, outside Nest.
 */
export async function raiseOperationalEvent(
  deps: { db: DataSource; client: Client; starter: StarterOptions },
  tenantId: string,
  type: string,
  data: Record<string, unknown>,
  idempotencyKey: string,
): Promise<number> {
  const targets: Target[] = await deps.db.query(
    `SELECT id, status, url FROM subscriptions
      WHERE tenant_id = $1 AND deleted_at IS NULL AND status <> 'disabled' AND events @> ARRAY[$2]::text[]`,
    [tenantId, type],
  );
  if (targets.length === 0) return 0;
  const event = {
    id: newId('evt'),
    type,
    data,
    occurredAt: new Date(),
    idempotencyKey,
    deliveries: deliveriesFor(tenantId, type, targets, 'event'),
  };
  // Raised before (an activity retry): the first event stands, and the sweeper covers its workflow starts.
  const inserted = await insertEvents(deps.db, tenantId, [event], 'event');
  if (!inserted.has(event.id)) return 0;
  await startDeliveryWorkflows(deps.client, deps.starter, event.deliveries);
  return event.deliveries.length;
}
