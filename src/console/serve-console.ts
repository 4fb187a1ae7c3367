import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

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

function securityHeaders(res: Response, frameAncestors = "'none'"): void {
  res.setHeader('content-security-policy', contentSecurityPolicy(frameAncestors));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

/**
 * Serves the built web console at /console as plain static files, outside Nest's controllers: no API-key guard,
 * no rate limit, not in the OpenAPI. The console itself calls /v1 with the key the user signs in with.
 * Client routes (/console/subscriptions/...) get index.html, so a reload or a shared link opens the right page.
 */
export function serveConsole(app: NestExpressApplication, portalFrameAncestors: string, dir = CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dir, {
    prefix: `${CONSOLE_PATH}/`,
    index: false,
    redirect: false,
    // File names under assets/ carry a content hash: cache them for good; everything else revalidates.
    setHeaders: (res, path) => {
      securityHeaders(res);
      res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing asset is a 404, not the app: only page routes fall back to index.html.
    if (req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(req.path)) return next();
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    securityHeaders(res, PORTAL_PAGE.test(req.path) ? portalFrameAncestors : "'none'");
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
