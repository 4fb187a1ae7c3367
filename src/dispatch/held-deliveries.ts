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

/**
 * Held deliveries of active subscriptions untouched (row and subscription) for `graceSeconds`: the sweeper's
 * look for a resume that stopped half-way. Driven from the active subscriptions, each probing its own held
 * deliveries by index, so the held backlogs of paused subscriptions (millions, maybe) are never read.
 */
export async function heldOfActiveSubscriptions(db: Queryable, graceSeconds: number, limit: number): Promise<DispatchItem[]> {
  const rows: (DispatchItem & { url: string })[] = await db.query(
    `SELECT d.id, d.tenant_id AS "tenantId", d.subscription_id AS "subscriptionId", d.event_type AS "eventType", d.status, s.url
       FROM subscriptions s
       CROSS JOIN LATERAL (
         SELECT * FROM deliveries d
          WHERE d.subscription_id = s.id AND d.status = 'held' AND d.updated_at < now() - make_interval(secs => $1)
          ORDER BY d.id LIMIT $2) d
      WHERE s.status = 'active' AND s.deleted_at IS NULL AND s.updated_at < now() - make_interval(secs => $1)
      LIMIT $2`,
    [graceSeconds, limit],
  );
  return rows.map(({ url, ...item }) => ({ ...item, targetHost: hostOf(url) }));
}
