/** What an `Authorization` header presents: nothing, something that is not `Bearer <token>`, or a token. */
export type Presented = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/**
 * Reads `Authorization: Bearer <token>` tolerantly (scheme in any case, any spaces or tabs around and between)
 * and canonically: every spelling of one key yields the same token, so nothing downstream counts it twice.
 */
export function readAuthorization(header: string | undefined): Presented {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^\s*bearer[ \t]+(\S+)\s*$/i.exec(header);
  return match ? { kind: 'token', token: match[1] } : { kind: 'malformed' };
}
