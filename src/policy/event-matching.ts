import { compiledFilterOf, EventFields, filterMatches, type Filter } from './event-filter.js';

/** Types the service raises about itself; they reach only subscriptions that name them exactly. */
export const OPERATIONAL_EVENT_TYPES: readonly string[] = [
  'subscription.disabled',
  'delivery.exhausted',
  'subscription.certificate_expiring',
];
export const BUILT_IN_EVENT_TYPES: readonly string[] = ['webhook.ping', 'webhook.test', ...OPERATIONAL_EVENT_TYPES];

export const EVENT_TYPE_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
/** What a subscription may list: an exact type, `*`, or a prefix pattern such as `job.*`. */
export const EVENT_PATTERN = /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$/;

export const isPattern = (p: string) => p === '*' || p.endsWith('.*');
export const isOperational = (type: string) => OPERATIONAL_EVENT_TYPES.includes(type);

/**
 * Every subscription pattern that matches `type`: the type itself, each prefix pattern and `*`
 * (never `*` or prefix patterns for operational types). Lets the database pick candidates with one `&&`.
 */
export function patternsMatching(type: string): string[] {
  if (isOperational(type)) return [type];
  const parts = type.split('.');
  const patterns = [type];
  for (let i = parts.length - 1; i >= 1; i--) patterns.push(parts.slice(0, i).join('.') + '.*');
  patterns.push('*');
  return patterns;
}

export function matchesEvents(subscriptionPatterns: readonly string[], type: string): boolean {
  return matchesAnyPattern(subscriptionPatterns, new Set(patternsMatching(type)));
}

/** With the patterns of one type computed once, for many subscriptions. */
export const matchesAnyPattern = (subscriptionPatterns: readonly string[], wanted: ReadonlySet<string>) =>
  subscriptionPatterns.some((p) => wanted.has(p));

/** One filter against one event; for many subscriptions, SubscriptionMatcher.select shares the lookups. */
export function matchesFilter(filter: Filter | null | undefined, data: unknown, type?: string): boolean {
  return filterMatches(compiledFilterOf(filter), { fields: new EventFields(data), type });
}
