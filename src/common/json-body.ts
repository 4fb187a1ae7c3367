import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A JSON request body that does not parse: 400, with the parser's reason (as body-parser answered under Express). */
const badJsonBody = (detail: string) => new BadRequestException(detail);

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
    return badJsonBody(`The body is not a JSON object or array (it starts with ${JSON.stringify(start)}).`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    return badJsonBody(`The body is not valid JSON: ${(err as Error).message}`);
  }
}

/** `application/json` and its structured-syntax relatives (`application/cloudevents+json`, ...). */
const JSON_TYPES = ['application/json', /^application\/[^\s/;]+\+json\s*(?:;|$)/i];

/**
 * How the api reads request bodies (urlencoded: Nest's default parser). JSON bodies keep their bytes in
 * `req.rawBody` when the app was created with `rawBody: true`. A body of any other type is left unparsed: the
 * route's validation answers (422), never a 415.
 */
export function readBodies(app: NestFastifyApplication, limit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parsers (its JSON one, text/plain as a string) give way to these.
  fastify.removeAllContentTypeParsers();
  for (const type of JSON_TYPES)
    app.useBodyParser(type, { bodyLimit: limit }, (_req, body, done) => {
      const parsed = parseJsonBody(body);
      // A parse error goes to Nest's exception layer, and so to the ProblemFilter, as a 400.
      if (parsed instanceof Error) done(parsed, undefined);
      else done(null, parsed);
    });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, undefined));
}
