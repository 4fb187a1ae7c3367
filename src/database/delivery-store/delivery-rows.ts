import { newId } from '../../common/ids.js';
import { hostOf } from '../../common/url.js';
import type { DeliveryKind } from '../../deliveries/delivery.entity.js';
import type { DispatchItem } from './dispatch-item.js';
import { lineKeyOf, type Ordering } from '../../policy/ordering.js';

export interface NewEvent {
  id: string;
  type: string;
  /** The parsed data: for matching (filters, FIFO line keys) and schemas only. */
  data: Record<string, unknown>;
  /** The data as the exact JSON text received: what is stored and sent. */
  dataText: string;
  occurredAt: Date;
  idempotencyKey: string | null;
  deliveries: NewDelivery[];
  /** The accepting request's W3C `traceparent` (tracing on), kept so later workflow starts continue its trace. */
  traceParent?: string | null;
}

export interface Target {
  id: string;
  status: string;
  url?: string;
  ordering?: Ordering;
  orderingKey?: string | null;
}

/** A delivery ready to be written: its line on a FIFO subscription (null: none). */
export type NewDelivery = DispatchItem & { orderingKey: string | null };

/**
 * A delivery to a paused or disabled subscription starts held; test sends ignore both. On a FIFO subscription
 * the delivery joins the line its event's data names (test sends and pings stand apart: nothing waits for them).
 */
export function deliveriesFor(tenantId: string, eventType: string, targets: Target[], kind: DeliveryKind, data?: unknown): NewDelivery[] {
  const ordered = kind !== 'test' && kind !== 'ping';
  return targets.map((s) => ({
    id: newId('dlv'),
    tenantId,
    subscriptionId: s.id,
    eventType,
    status: (s.status === 'paused' || s.status === 'disabled') && kind !== 'test' ? 'held' : 'scheduled',
    targetHost: hostOf(s.url),
    orderingKey: ordered && s.ordering === 'fifo' ? lineKeyOf(data, s.orderingKey ?? null) : null,
  }));
}
