import { hostOf } from '../common/url.js';
import type { Queryable } from '../database/queryable.js';
import type { DispatchItem } from '../database/delivery-store/index.js';

/** Held deliveries matching `where` (on `d` deliveries and `s` subscriptions), oldest first, ready to release. */
export async function heldDeliveries(db: Queryable, where: string, params: unknown[], limit?: number): Promise<DispatchItem[]> {
  const rows: (DispatchItem & { url: string })[] = await db.query(
    `SELECT d.id, d.tenant_id AS "tenantId", d.subscription_id AS "subscriptionId", d.event_type AS "eventType", d.status, s.url
       FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
      WHERE d.status = 'held' AND ${where}
      ORDER BY d.id${limit ? ` LIMIT ${Math.floor(limit)}` : ''}`,
    params,
  );
  return rows.map(({ url, ...item }) => ({ ...item, targetHost: hostOf(url) }));
}
