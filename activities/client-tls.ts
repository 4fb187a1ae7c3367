import { createHash } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import type { Dispatcher } from 'undici';
import type { StoredClientTls } from '../src/policy/client-certificate.js';

/** How many subscriptions' certificate pools a worker keeps open; the least recently used one closes beyond. */
export const CLIENT_TLS_POOLS = 256;

type MakeAgent = (tls: ConnectionOptions) => Dispatcher;

/**
 * One connection pool per subscription with a client certificate: a certificate belongs to its subscription's
 * connections only, never to a kept-alive socket another subscription would reuse. The pool is made by the same
 * factory as the shared one (network policy, DNS pinning, egress proxy, timings), with the certificate added.
 * A new certificate (a PATCH) makes a new pool at the next attempt; the old one closes once its requests end.
 */
export class ClientTlsAgents {
  private readonly pools = new Map<string, { fingerprint: string; agent: Dispatcher }>();

  constructor(
    private readonly make: MakeAgent,
    private readonly max = CLIENT_TLS_POOLS,
  ) {}

  agentFor(subscriptionId: string, tls: StoredClientTls): Dispatcher {
    const fingerprint = createHash('sha256')
      .update(tls.certificate)
      .update('\0')
      .update(tls.privateKey)
      .update('\0')
      .update(tls.serverCa ?? '')
      .digest('hex');
    const known = this.pools.get(subscriptionId);
    this.pools.delete(subscriptionId);
    if (known?.fingerprint === fingerprint) {
      this.pools.set(subscriptionId, known);
      return known.agent;
    }
    if (known) void known.agent.close().catch(() => undefined);
    const agent = this.make({ cert: tls.certificate, key: tls.privateKey, ...(tls.serverCa !== null && { ca: tls.serverCa }) });
    this.pools.set(subscriptionId, { fingerprint, agent });
    if (this.pools.size > this.max) {
      const [oldest, pool] = this.pools.entries().next().value!;
      this.pools.delete(oldest);
      void pool.agent.close().catch(() => undefined);
    }
    return agent;
  }

  async close(): Promise<void> {
    const agents = [...this.pools.values()].map((p) => p.agent);
    this.pools.clear();
    await Promise.all(agents.map((a) => a.close().catch(() => undefined)));
  }
}

/** The pool an attempt goes through: its subscription's own when it presents a certificate, else the shared one. */
export const dispatcherFor = (
  shared: Dispatcher,
  agents: ClientTlsAgents | undefined,
  ctx: { subscriptionId: string; clientTls: StoredClientTls | null },
): Dispatcher => (agents && ctx.clientTls ? agents.agentFor(ctx.subscriptionId, ctx.clientTls) : shared);
