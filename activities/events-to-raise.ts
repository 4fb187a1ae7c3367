import { isOperational } from '../src/policy/event-matching.js';
import type { RaiseRequest } from '../workflows/contracts.js';
import type { DeliveryContext, DeliveryFacts } from './delivery-context.js';
import type { AttemptRecord } from './record.js';

/** Operational events never raise more operational events, so a failing ops endpoint cannot start a loop; test sends raise nothing. */
const raisesNothing = (d: DeliveryFacts) => isOperational(d.eventType) || d.kind === 'test';

/** `delivery.exhausted`: the delivery ended failed, for good, at its `attempts`-th attempt. */
export function exhaustedEvent(d: DeliveryFacts, attempts: number, lastStatusCode: number | null): RaiseRequest[] {
  if (raisesNothing(d)) return [];
  return [
    {
      tenantId: d.tenantId,
      type: 'delivery.exhausted',
      key: `delivery.exhausted:${d.deliveryId}`,
      data: {
        deliveryId: d.deliveryId,
        eventId: d.eventId,
        eventType: d.eventType,
        subscriptionId: d.subscriptionId,
        attempts,
        lastStatusCode,
      },
    },
  ];
}

/**
 * The operational events a failed attempt calls for: `delivery.exhausted` when the last retry failed,
 * `subscription.disabled` when this attempt disabled the subscription.
 */
export function operationalEventsFor(
  ctx: DeliveryContext,
  record: AttemptRecord,
  verdict: string,
  disabledReason: string | null,
): RaiseRequest[] {
  if (raisesNothing(ctx)) return [];
  const raise: RaiseRequest[] = [];
  if (record.status === 'failed' && verdict === 'retry') raise.push(...exhaustedEvent(ctx, record.attemptNumber, record.result.statusCode));
  if (disabledReason) {
    raise.push({
      tenantId: ctx.tenantId,
      type: 'subscription.disabled',
      key: `subscription.disabled:${ctx.subscriptionId}:${ctx.deliveryId}:${record.attemptNumber}`,
      data: { subscriptionId: ctx.subscriptionId, reason: disabledReason },
    });
  }
  return raise;
}
