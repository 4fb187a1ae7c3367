import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { Agent } from 'undici';
import { connectAuthority, egressProxyConnector, proxyAuthorization } from '../../activities/egress-proxy.js';
import { createHttpAgent, postRequest } from '../../activities/post.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createNetworkPolicy } from '../../src/policy/network-policy.js';
import { ConnectProxy } from '../helpers/connect-proxy.js';
import { freePort } from '../helpers/ports.js';

const loopbackAllowed = createNetworkPolicy(true, ['127.0.0.0/8', '::1/128']);
const nothingPrivate = createNetworkPolicy(true, []);

/** A self-signed certificate (its own CA) for exactly this subjectAltName. */
function certificate(altName: string): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'hookrelay-cert-'));
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=hookrelay test',
    '-addext',
    `subjectAltName=${altName}`,
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

interface Seen {
  host: string | undefined;
  servername: string | false | null | undefined;
}

/** A receiver that records the Host header and, over TLS, the SNI name it was asked for. */
async function receiver(tls?: { key: Buffer; cert: Buffer }): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const handler = (req: { headers: IncomingHttpHeaders; socket: Socket }, res: { end: (b: string) => void }) => {
    seen.push({ host: req.headers.host, servername: (req.socket as TLSSocket).servername });
    res.end('ok');
  };
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port, seen };
}

const stop = (server: Server) => {
  server.closeAllConnections();
  server.close();
};

describe('egress proxy', () => {
  it('turns URL userinfo into Basic Proxy-Authorization and bracketed IPv6 authorities', () => {
    assert.equal(proxyAuthorization(new URL('http://proxy:3128')), null);
    const auth = proxyAuthorization(new URL('http://us%40er:p%3Ass@proxy:3128'))!;
    assert.equal(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString(), 'us@er:p:ss');
    assert.equal(connectAuthority('93.184.215.14', 443), '93.184.215.14:443');
    assert.equal(connectAuthority('2606:4700::1111', 443), '[2606:4700::1111]:443');
  });

  it('refuses a bad EGRESS_PROXY at startup, naming the variable', () => {
    const base = { TEMPORAL_ADDRESS: '127.0.0.1:7233', SECRETS_KEY: 'a'.repeat(64), DATA_DIR: mkdtempSync(join(tmpdir(), 'hookrelay-')) };
    for (const [value, why] of [
      ['proxy.internal:3128', /http:\/\/ or https:\/\//],
      ['not a url', /is not a URL/],
      ['socks5://proxy.internal:1080', /got socks5/],
      ['http://proxy.internal:3128/some/path', /no path/],
    ] as const) {
      assert.throws(
        () => loadConfig({ ...base, EGRESS_PROXY: value }),
        (err: Error) => err instanceof ConfigError && /EGRESS_PROXY: /.test(err.message) && why.test(err.message),
        value,
      );
    }
    assert.equal(loadConfig({ ...base, EGRESS_PROXY: 'http://u:p@proxy.internal:3128' }).egressProxy, 'http://u:p@proxy.internal:3128');
    assert.equal(loadConfig({ ...base, EGRESS_PROXY: '' }).egressProxy, undefined);
  });

  describe('on the wire (loopback proxy)', () => {
    let proxy: ConnectProxy;
    before(async () => {
      proxy = await ConnectProxy.start({ username: 'relay', password: 's3cret' });
    });
    after(() => proxy.close());

    it('tunnels to the checked IP (not the name), keeps Host, reports the target as remote address, reuses the tunnel', async () => {
      const target = await receiver();
      const agent = createHttpAgent(loopbackAllowed, proxy.url);
      const connected: { remoteAddress?: string; remotePort?: number }[] = [];
      // The proxy's own connection (the CONNECT request) is reported too: keep the delivery's.
      const onConnected = (m: unknown) => {
        const { socket, connectParams } = m as { socket: Socket; connectParams: { hostname: string } };
        if (connectParams.hostname === 'localhost') connected.push(socket);
      };
      subscribe('undici:client:connected', onConnected);
      const before = proxy.connects.length;
      try {
        const results = [];
        for (let i = 0; i < 2; i++) {
          // undici frees a connection a moment after its answer ends; back to back, the pool would open another.
          await new Promise((r) => setTimeout(r, 50));
          const r = await postRequest(agent, { url: `http://localhost:${target.port}/hook`, body: '{}', headers: {} }, 5000);
          assert.equal(r.statusCode, 200, `${r.errorType} ${r.errorMessage}`);
          results.push(r);
        }
        // The attempt's record: the receiver's address, the tunnel's opening timed, then the tunnel kept alive.
        assert.equal(results[0].remoteAddress, '127.0.0.1');
        assert.equal(results[0].timings?.reusedConnection, false);
        assert.ok(results[0].timings.dnsMs! >= 0 && results[0].timings.connectMs! >= 0, JSON.stringify(results[0].timings));
        assert.equal(results[1].timings?.reusedConnection, true);
        const connects = proxy.connects.slice(before);
        assert.deepEqual(
          connects.map((c) => c.target),
          [`127.0.0.1:${target.port}`],
          'one CONNECT (keep-alive), to the address',
        );
        assert.equal(connects[0].headers['proxy-authorization'], 'Basic ' + Buffer.from('relay:s3cret').toString('base64'));
        assert.deepEqual(
          target.seen.map((s) => s.host),
          [`localhost:${target.port}`, `localhost:${target.port}`],
        );
        assert.equal(connected.length, 1);
        assert.equal(connected[0].remoteAddress, '127.0.0.1');
        assert.equal(connected[0].remotePort, target.port, 'the receiver, not the proxy');
      } finally {
        unsubscribe('undici:client:connected', onConnected);
        await agent.close();
        stop(target.server);
      }
    });

    it('refuses names that resolve to refused addresses and refused literals before asking the proxy', async () => {
      const target = await receiver();
      const agent = createHttpAgent(nothingPrivate, proxy.url);
      const before = proxy.connects.length;
      try {
        for (const host of ['localhost', '127.0.0.1', '[::ffff:127.0.0.1]', '[::127.0.0.1]', '[64:ff9b::127.0.0.1]', '10.0.0.1']) {
          const r = await postRequest(agent, { url: `http://${host}:${target.port}/`, body: '{}', headers: {} }, 2000);
          assert.equal(r.errorType, 'blocked', `${host}: ${r.errorType} ${r.errorMessage}`);
          assert.equal(r.statusCode, null);
        }
        assert.deepEqual(proxy.connects.slice(before), [], 'the proxy was never asked');
        assert.equal(target.seen.length, 0);
      } finally {
        await agent.close();
        stop(target.server);
      }
    });

    it('speaks TLS inside the tunnel with SNI and certificate checks against the name, not the IP', async () => {
      const named = certificate('DNS:localhost');
      const target = await receiver(named);
      const agent = new Agent({ connect: egressProxyConnector(loopbackAllowed, proxy.url, { ca: named.cert }) });
      const before = proxy.connects.length;
      try {
        const r = await postRequest(agent, { url: `https://localhost:${target.port}/`, body: '{}', headers: {} }, 5000);
        assert.equal(r.statusCode, 200, `${r.errorType} ${r.errorMessage}`);
        assert.deepEqual(target.seen, [{ host: `localhost:${target.port}`, servername: 'localhost' }]);
        assert.deepEqual(
          proxy.connects.slice(before).map((c) => c.target),
          [`127.0.0.1:${target.port}`],
        );
      } finally {
        await agent.close();
        stop(target.server);
      }

      // A certificate valid for the IP the tunnel goes to, but not for the name asked for, is refused.
      const forIp = certificate('IP:127.0.0.1');
      const ipOnly = await receiver(forIp);
      const strictAgent = new Agent({ connect: egressProxyConnector(loopbackAllowed, proxy.url, { ca: forIp.cert }) });
      try {
        const r = await postRequest(strictAgent, { url: `https://localhost:${ipOnly.port}/`, body: '{}', headers: {} }, 5000);
        assert.equal(r.errorType, 'tls', `${r.errorType} ${r.errorMessage}`);
        assert.equal(ipOnly.seen.length, 0);
      } finally {
        await strictAgent.close();
        stop(ipOnly.server);
      }
    });

    it('records a proxy that refuses CONNECT, wrong credentials or no proxy at all as a connection failure naming it', async () => {
      const target = await receiver();
      const agent = createHttpAgent(loopbackAllowed, proxy.url);
      const wrongCredentials = createHttpAgent(loopbackAllowed, proxy.url.replace('s3cret', 'wrong'));
      const noProxy = createHttpAgent(loopbackAllowed, `http://127.0.0.1:${await freePort()}`);
      const url = `http://127.0.0.1:${target.port}/`;
      try {
        proxy.refuseWith = 403;
        const refused = await postRequest(agent, { url, body: '{}', headers: {} }, 5000);
        proxy.refuseWith = null;
        assert.equal(refused.errorType, 'connection');
        assert.equal(refused.errorMessage, `the egress proxy (${proxy.host}) answered 403 Forbidden to CONNECT 127.0.0.1:${target.port}`);

        const unauthorized = await postRequest(wrongCredentials, { url, body: '{}', headers: {} }, 5000);
        assert.equal(unauthorized.errorType, 'connection');
        assert.match(unauthorized.errorMessage!, /answered 407 Proxy Authentication Required to CONNECT/);
        assert.doesNotMatch(unauthorized.errorMessage!, /wrong|relay/, 'credentials stay out of messages');

        const unreachable = await postRequest(noProxy, { url, body: '{}', headers: {} }, 5000);
        assert.equal(unreachable.errorType, 'connection');
        assert.match(unreachable.errorMessage!, /^the egress proxy \(127\.0\.0\.1:\d+\) failed: .*ECONNREFUSED/);
        assert.equal(target.seen.length, 0);
      } finally {
        proxy.refuseWith = null;
        await Promise.all([agent.close(), wrongCredentials.close(), noProxy.close()]);
        stop(target.server);
      }
    });
  });
});
