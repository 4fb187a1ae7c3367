import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { Lifecycle } from './health/lifecycle.js';

/**
 * A graceful stop: /ready answers 503 at once, requests keep being served for `graceMs` (load balancers see the
 * 503 and stop sending), then the listener closes once the requests in flight have their answers, and only then
 * the application (the Temporal worker drains, connections close).
 */
export async function drainAndClose(app: INestApplication, graceMs: number, close = () => app.close()): Promise<void> {
  app.get(Lifecycle).drain();
  if (graceMs > 0) await new Promise((done) => setTimeout(done, graceMs));
  const server = app.getHttpServer() as Server;
  if (server.listening) {
    // Keep-alive connections that fall idle after their last answer are closed as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    await new Promise<void>((done) => server.close(() => done()));
    clearInterval(idle);
  }
  await close();
}
