import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'ten' | 'key' | 'sub' | 'evt' | 'dlv' | 'att' | 'rpl';

/**
 * A prefixed, opaque id whose body sorts by creation time (48-bit millisecond time, then 80 random bits,
 * Crockford base32 like a ULID). Lists are ordered and paginated by id, so no separate sort column is needed.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i] % 32];
  return `${prefix}_${time}${rand}`;
}
