import { createHash } from 'node:crypto';

// FIFO lines: a subscription with `ordering: "fifo"` sends a delivery only after the previous one of the same
// line ended. The line is named by the subscription and the value its `orderingKey` (a JSON pointer) finds in
// the event's data; without a pointer the whole subscription is one line.

export type Ordering = 'none' | 'fifo';

/** After a FIFO head exhausts its retries (ends `failed`): its line goes on (`skip`), or waits for a person (`block`). */
export const FIFO_ON_FAILURE = ['skip', 'block'] as const;
export type FifoOnFailure = (typeof FIFO_ON_FAILURE)[number];

/** RFC 6901, not empty (a line per whole payload orders nothing): `/`-separated tokens, `~` only as `~0` or `~1`. */
export const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;

/** Line keys longer than this are stored as their SHA-256, so any value fits the index. */
const MAX_KEY_LENGTH = 200;

/** The tokens of a JSON pointer, unescaped (`~1` is `/`, `~0` is `~`, in that order). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** What the pointer finds in `data`, or undefined. Own properties only; array items by decimal index. */
export function resolvePointer(data: unknown, pointer: string): unknown {
  let here: unknown = data;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(here)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      here = here[Number(token)];
    } else if (here !== null && typeof here === 'object' && Object.prototype.hasOwnProperty.call(here, token)) {
      here = (here as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return here;
}

/**
 * The line an event joins on a FIFO subscription: a string value as it is, any other value as its JSON text
 * (so `7` and `"7"` are different lines), an absent value `""`, and no pointer `""` (one line for all).
 */
export function lineKeyOf(data: unknown, pointer: string | null): string {
  if (pointer === null) return '';
  const value = resolvePointer(data, pointer);
  const key = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return key.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
}
