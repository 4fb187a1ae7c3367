import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build` puts the console: dist/console, beside this file's dist/src. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

export const CONSOLE_PATH = '/console';

/**
 * Styles are inline (the UI library sets CSS variables at run time); scripts, data and images come only from
 * here, and API calls only go to this origin. No framing of the console that holds an API key; portal pages
 * (/console/portal/..., a portal link's short-lived token only) may be framed by PORTAL_FRAME_ANCESTORS.
 */
const contentSecurityPolicy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

/** Portal pages, relative to /console (where the fallback below is mounted). */
const PORTAL_PAGE = /^\/portal(\/|$)/;

const securityHeaders = (frameAncestors = "'none'") => ({
  'content-security-policy': contentSecurityPolicy(frameAncestors),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

/** File names under assets/ carry a content hash: cache them for good; everything else revalidates. */
const cacheControl = (dir: string, path: string) =>
  path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache';

/** A path under /console (relative to it) that names a file: a missing one is a 404, never the app. */
const namesFile = (path: string) => path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);

/**
 * Serves the built web console at /console as plain static files, outside Nest's controllers: no API-key guard,
 * no rate limit, not in the OpenAPI. The console itself calls /v1 with the key the user signs in with.
 * Client routes (/console/subscriptions/...) get index.html, so a reload or a shared link opens the right page.
 */
export function serveConsole(app: NestFastifyApplication, portalFrameAncestors: string, dir = CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(async (scope) => {
    // The files present now get a route each (wildcard off), so the page fallback below can take the rest.
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: `${CONSOLE_PATH}/`,
      index: false,
      redirect: false,
      wildcard: false,
      cacheControl: false,
      decorateReply: false,
      setHeaders: (reply, path) => void reply.headers({ ...securityHeaders(), 'cache-control': cacheControl(dir, path) }),
    });
    // One handler for /console and below: routes ignore a trailing slash, so /console/ reaches both routes.
    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0].slice(CONSOLE_PATH.length);
      if (path === '') return reply.redirect(`${CONSOLE_PATH}/`, 301);
      if (namesFile(path)) return reply.callNotFound();
      return reply
        .headers({ ...securityHeaders(PORTAL_PAGE.test(path) ? portalFrameAncestors : "'none'"), 'cache-control': 'no-cache' })
        .type('text/html; charset=utf-8')
        .send(await readFile(index));
    };
    scope.get(CONSOLE_PATH, page);
    scope.get(`${CONSOLE_PATH}/*`, page);
  });
  return true;
}
