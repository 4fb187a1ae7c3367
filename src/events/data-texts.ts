import type { RawBodyRequest } from '@nestjs/common';
import { badRequest } from '../common/errors.js';
import { EACH, findValueSpans, JsonScanError, type PathPattern } from '../policy/json-spans.js';

/** Where event data lies in a request body: one event (`POST /v1/events`, a test send) or a batch. */
export const ONE_EVENT: PathPattern = ['data'];
export const EVENT_BATCH: PathPattern = ['events', EACH, 'data'];

/** The exact JSON text of an entry's `data` (a batch's entry i; one event is entry 0). */
export type DataTextOf = (entry: number) => string;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The exact text of each event's `data` in the request body as it came over the wire (Nest keeps it as
 * `rawBody`, on Express and on Fastify alike). Asked only for entries that passed validation, so a body that
 * fails it (not JSON at all, say) is answered by validation as before. The body parser already read the same
 * bytes as JSON, so the scan fails only on bytes that are not UTF-8 (JSON between systems is UTF-8, RFC 8259
 * section 8.1): a 400.
 */
export function dataTextsOf(request: RawBodyRequest<object>, pattern: PathPattern): DataTextOf {
  let texts: (string | undefined)[] | undefined;
  return (entry) => {
    texts ??= scan(request.rawBody, pattern);
    const text = texts[entry];
    // A body the parser read but Nest did not keep: the app was created without `rawBody: true` (see app.ts).
    if (text === undefined) throw new Error(`no raw text for the data of entry ${entry}: is the raw body kept (rawBody: true)?`);
    return text;
  };
}

function scan(body: Buffer | undefined, pattern: PathPattern): (string | undefined)[] {
  if (!body) return [];
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw notUtf8();
  }
  const texts: (string | undefined)[] = [];
  try {
    for (const span of findValueSpans(text, pattern))
      texts[pattern === EVENT_BATCH ? (span.path[1] as number) : 0] = text.slice(span.start, span.end);
  } catch (err) {
    // Not JSON as UTF-8 although the body parser read it (it was sent in another charset): the same answer.
    if (err instanceof JsonScanError) throw notUtf8();
    throw err;
  }
  return texts;
}

const notUtf8 = () => badRequest('bad-request', 'The body must be JSON in UTF-8 (RFC 8259): event data is kept as the exact text sent.');
