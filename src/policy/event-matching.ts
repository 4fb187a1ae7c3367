/** Types the service raises about itself; they reach only subscriptions that name them exactly. */
export const OPERATIONAL_EVENT_TYPES: readonly string[] = ['subscription.disabled', 'delivery.exhausted'];
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
  const wanted = new Set(patternsMatching(type));
  return subscriptionPatterns.some((p) => wanted.has(p));
}

function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every filter entry must hold: equality at the dotted path; an array of expected values means any of them. */
export function matchesFilter(filter: Record<string, unknown> | null | undefined, data: unknown): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([path, expected]) => {
    const actual = valueAt(data, path);
    if (actual === undefined) return false;
    const options = Array.isArray(expected) ? expected : [expected];
    return options.some((option) => sameJson(option, actual));
  });
}
