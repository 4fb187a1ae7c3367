import { isOperational } from '../src/policy/event-matching.js';
import type { RaiseRequest } from '../workflows/contracts.js';
import type { DeliveryContext } from './delivery-context.js';
import type { AttemptRecord } from './record.js';

/**
 * The operational events a failed attempt calls for: `delivery.exhausted` when the last retry failed,
 * `subscription.disabled` when this attempt disabled the subscription. Operational events never raise more
 * operational events, so a failing ops endpoint cannot start a loop; test sends raise nothing.
 */
export function operationalEventsFor(
  ctx: DeliveryContext,
  record: AttemptRecord,
  verdict: string,
  disabledReason: string | null,
): RaiseRequest[] {
  if (isOperational(ctx.eventType) || ctx.kind === 'test') return [];
  const raise: RaiseRequest[] = [];
  if (record.status === 'failed' && verdict === 'retry') {
    raise.push({
      tenantId: ctx.tenantId,
      type: 'delivery.exhausted',
      key: `delivery.exhausted:${ctx.deliveryId}`,
      data: {
        deliveryId: ctx.deliveryId,
        eventId: ctx.eventId,
        eventType: ctx.eventType,
        subscriptionId: ctx.subscriptionId,
        attempts: record.attemptNumber,
        lastStatusCode: record.result.statusCode,
      },
    });
  }
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
