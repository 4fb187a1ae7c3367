export const DELIVERY_STATUSES = ['scheduled', 'held', 'sending', 'retrying', 'succeeded', 'failed', 'cancelled'] as const;
export const DELIVERY_KINDS = ['event', 'ping', 'test', 'redelivery'] as const;

/** Which deliveries of a tenant: the filters of the tenant-wide search, and of a replay (stored with it). */
export interface DeliveryFilters {
  status?: (typeof DELIVERY_STATUSES)[number];
  kind?: (typeof DELIVERY_KINDS)[number];
  eventType?: string;
  subscriptionId?: string;
  /** Created at or after (ISO 8601). */
  since?: string;
  /** Created before (ISO 8601). */
  until?: string;
  /** The last attempt's HTTP status. */
  statusCode?: number;
}
