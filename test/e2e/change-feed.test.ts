import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { CHANGES_CHANNEL, ChangeFeed, type Change } from '../../src/database/change-feed.js';
import { createTestDatabase } from '../helpers/database.js';
import { eventually } from '../helpers/factories.js';

/**
 * A TCP relay to Postgres that can go silent: `freeze()` stops forwarding on every open connection without
 * closing it, as a dropped NAT entry or a frozen peer would (no error, no FIN); new connections still go through.
 */
class FreezableRelay {
  /** Both ends of every connection still forwarding. */
  private readonly forwarding: Socket[] = [];
  private readonly frozen: Socket[] = [];
  private server!: Server;
  port = 0;

  async start(target: { host: string; port: number }): Promise<this> {
    this.server = createServer((inbound) => {
      const outbound = connect(target.port, target.host);
      inbound.on('data', (d) => outbound.write(d));
      outbound.on('data', (d) => inbound.write(d));
      for (const [a, b] of [
        [inbound, outbound],
        [outbound, inbound],
      ]) {
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
      }
      this.forwarding.push(inbound, outbound);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** Silences every open connection; answers how many there were. */
  freeze(): number {
    const silenced = this.forwarding.splice(0);
    for (const s of silenced) {
      s.removeAllListeners('data');
      s.pause();
    }
    this.frozen.push(...silenced);
    return silenced.length / 2;
  }

  async close(): Promise<void> {
    for (const s of [...this.frozen, ...this.forwarding]) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('the change feed notices a connection that died without a word', () => {
  let db: { url: string; drop: () => Promise<void> };
  let relay: FreezableRelay;
  let feed: ChangeFeed;
  const heard: (Change | 'all')[] = [];
  const warnings: string[] = [];

  before(async () => {
    db = await createTestDatabase('change_feed');
    const url = new URL(db.url);
    relay = await new FreezableRelay().start({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${relay.port}`;
    feed = new ChangeFeed(url.toString(), { warn: (m) => warnings.push(m), log: () => undefined }, { everyMs: 200, timeoutMs: 500 });
    feed.onChange((c) => heard.push(c));
    await feed.start();
  });
  after(async () => {
    // A frozen connection never answers the end handshake: the relay drops it so that stop() can finish.
    const stopping = feed?.stop();
    await relay?.close();
    await stopping;
    await db?.drop();
  });

  const notify = async (tenantId: string) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, `api_keys:${tenantId}`]);
    } finally {
      await client.end();
    }
  };
  const hears = (tenantId: string) =>
    eventually(
      async () => {
        await notify(tenantId);
        return heard.some((c) => c !== 'all' && c.tenantId === tenantId) ? true : undefined;
      },
      10_000,
      `the feed to hear ${tenantId}`,
    );

  it('drops the caches when the keepalive gets no answer, then listens again on a new connection', async () => {
    assert.ok(feed.live);
    await hears('ten_before');
    const started = Date.now();
    heard.length = 0;
    assert.equal(relay.freeze(), 1, 'the feed had one connection');
    await eventually(async () => (heard.includes('all') ? true : undefined), 10_000, 'the feed to notice the silent loss (caches dropped)');
    const noticedMs = Date.now() - started;
    assert.ok(
      warnings.some((w) => /keepalive/.test(w)),
      warnings.join('\n'),
    );
    await eventually(async () => (feed.live ? true : undefined), 10_000, 'the feed to listen again');
    await hears('ten_after');
    console.log(`[change-feed] a silent loss noticed after ${noticedMs} ms (keepalive every 200 ms, 500 ms to answer)`);
  });
});
