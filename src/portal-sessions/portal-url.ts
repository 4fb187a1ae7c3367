import type { FastifyRequest } from 'fastify';
import { CONSOLE_PATH } from '../console/serve-console.js';

/** The console's portal pages; served with their own frame-ancestors (see serve-console.ts). */
export const PORTAL_PATH = `${CONSOLE_PATH}/portal`;

/**
 * Where a portal link opens: the tenant's subscriptions, with the token in the fragment, which browsers never
 * send, so it stays out of server and proxy logs and Referer headers. The origin is PUBLIC_URL, else this request's.
 */
export function portalUrl(token: string, publicUrl: string | undefined, req: FastifyRequest): string {
  const origin = publicUrl ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  return `${origin}${PORTAL_PATH}/subscriptions#portal=${token}`;
}
