import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'ten' | 'key' | 'sub' | 'evt' | 'dlv' | 'att' | 'rpl';

/**
 * A prefixed, opaque id whose body sorts by creation time (48-bit millisecond time, then 80 random bits,
 * Crockford base32 like a ULID). Lists are ordered and paginated by id, so no separate sort column is needed.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i] % 32];
  return `${idMadeAt(prefix, now)}${rand}`;
}

/**
 * The prefix and time part of an id made at `at` (ms): every id made before `at` sorts below it, every id made
 * at or after it above, so a range of ids is a range of creation times (a walk by primary key, oldest first).
 */
export function idMadeAt(prefix: IdPrefix, at: number): string {
  let time = '';
  let t = Math.max(0, Math.floor(at));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}`;
}

/** The smallest id that `newId(prefix, ms)` can make: every id made at `ms` or later sorts at or after it. */
export function lowestIdAt(prefix: IdPrefix, ms: number): string {
  return `${idMadeAt(prefix, ms)}${'0'.repeat(16)}`;
}
