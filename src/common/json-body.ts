/** A JSON request body that does not parse: 400, with the parser's reason (as body-parser answered under Express). */
class BadJsonBody extends Error {
  readonly status = 400;
}

/**
 * A JSON request body as the service reads it: an empty body is `{}` (bodies whose every field is optional may
 * be left out), and only an object or an array is a body (a bare string or number is refused, as body-parser's
 * `strict` did). Returns the error instead of throwing, for Fastify's parser callback.
 */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  const start = text.trimStart()[0];
  if (start === undefined) return {};
  if (start !== '{' && start !== '[')
    return new BadJsonBody(`The body is not a JSON object or array (it starts with ${JSON.stringify(start)}).`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    return new BadJsonBody(`The body is not valid JSON: ${(err as Error).message}`);
  }
}
