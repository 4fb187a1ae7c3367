import type { RelayedDelivery } from './relay-server.js';

/** One line per request: time, event type, webhook-id, attempt, verdict, and what the app answered. */
export function deliveryLine(d: RelayedDelivery): string {
  const time = d.at.toISOString().slice(11, 19);
  const result = !d.forwarded
    ? `not forwarded (answered ${d.answeredStatus})`
    : 'error' in d.forwarded
      ? `-> ${d.forwarded.error} (answered ${d.answeredStatus})`
      : `-> ${d.forwarded.status} (${d.forwarded.durationMs} ms)`;
  return `${time}  ${d.eventType}  ${d.webhookId}  attempt ${d.attempt}  ${d.verdict}  ${result}`;
}
