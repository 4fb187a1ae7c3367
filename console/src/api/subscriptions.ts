import { apiCall, query } from './client';
import type { Page, Subscription } from './types';

/** Every subscription of the tenant, page by page (a tenant has a bounded number of them). */
export async function allSubscriptions(status?: string): Promise<Subscription[]> {
  const all: Subscription[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Subscription> = await apiCall('GET', `/v1/subscriptions${query({ limit: 250, status, cursor })}`);
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && all.length < 5000);
  return all;
}

/** Subscription names by id, for lists that show deliveries of several subscriptions. */
export const namesById = (subscriptions: Subscription[] | undefined): ReadonlyMap<string, string> =>
  new Map((subscriptions ?? []).map((s) => [s.id, s.name]));

/** Why a subscription needs a person, or null when it is healthy. */
export function attentionReason(s: Subscription): string | null {
  if (s.status === 'disabled') return `disabled${s.disabledReason ? `: ${s.disabledReason}` : ''}`;
  if (s.status === 'paused') return 'paused';
  if (s.circuit.state === 'open') return `circuit open until ${new Date(s.circuit.openUntil ?? '').toLocaleTimeString()}`;
  if (s.circuit.state === 'half-open') return 'circuit half-open (probing)';
  if (s.circuit.consecutiveFailures > 0) return `failing: ${s.circuit.consecutiveFailures} failed attempts in a row`;
  return null;
}
