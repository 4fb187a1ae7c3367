import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHttpAgent, postRequest } from '../../activities/post.js';
import { parseHeaderBlock } from '../../activities/wire-capture.js';
import { createNetworkPolicy } from '../../src/policy/network-policy.js';
import { freePort } from '../helpers/ports.js';

const LOOPBACK = createNetworkPolicy(true, ['127.0.0.0/8', '::1/128']);
const listen = async (server: Server | TlsServer) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as { port: number }).port;
};
const close = (server: Server | TlsServer) => {
  server.closeAllConnections();
  server.close();
};

describe('attempt capture: headers as sent and answered, timings, remote address', () => {
  let server: Server;
  let port = 0;
  const seen: IncomingHttpHeaders[] = [];
  before(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      const answer = () =>
        res.writeHead(201, { 'x-receiver': 'yes', 'set-cookie': 'session=abc', 'content-type': 'text/plain' }).end('0123456789'.repeat(10));
      if (req.url === '/slow') setTimeout(answer, 300);
      else answer();
    });
    port = await listen(server);
  });
  after(() => close(server));

  const headers = { authorization: 'Bearer s3cret', 'x-api-key': 'k3y', 'x-plain': 'visible', 'webhook-id': 'evt_1' };

  it('times a new connection to a host name, then marks the next request as sent on it', async () => {
    const agent = createHttpAgent(LOOPBACK);
    try {
      const url = `http://localhost:${port}/`;
      const first = await postRequest(agent, { url, body: '{"a":1}', headers }, 2000);
      assert.equal(first.statusCode, 201);
      const t = first.timings!;
      assert.equal(t.reusedConnection, false);
      assert.ok(t.dnsMs !== null && t.dnsMs >= 0, `dns ${t.dnsMs}`);
      assert.ok(t.connectMs !== null && t.connectMs >= 0, `connect ${t.connectMs}`);
      assert.equal(t.tlsMs, null);
      assert.ok(t.firstByteMs !== null && t.firstByteMs >= t.connectMs && t.totalMs >= t.firstByteMs);
      assert.match(first.remoteAddress ?? '', /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

      await new Promise((r) => setImmediate(r));
      const second = await postRequest(agent, { url: `${url}slow`, body: '{"a":2}', headers }, 2000);
      const t2 = second.timings!;
      assert.deepEqual([t2.reusedConnection, t2.dnsMs, t2.connectMs, t2.tlsMs], [true, null, null, null]);
      assert.ok(t2.firstByteMs! >= 250, `first byte after ${t2.firstByteMs} ms from a receiver answering after 300`);
    } finally {
      await agent.close();
    }
  });

  it('keeps the headers as written, in order, credentials masked, and the answer headers', async () => {
    const agent = createHttpAgent(LOOPBACK);
    try {
      const r = await postRequest(agent, { url: `http://127.0.0.1:${port}/x`, body: '{"b":2}', headers }, 2000);
      const sent = new Map(r.requestHeaders!.map((h) => [h.name, h.value]));
      assert.equal(sent.get('host'), `127.0.0.1:${port}`);
      assert.equal(sent.get('content-length'), '7');
      assert.equal(sent.get('authorization'), '****');
      assert.equal(sent.get('x-api-key'), '****');
      assert.equal(sent.get('x-plain'), 'visible');
      assert.equal(sent.get('webhook-id'), 'evt_1');
      const names = r.requestHeaders!.map((h) => h.name);
      assert.ok(names.indexOf('authorization') < names.indexOf('webhook-id'), names.join());
      // The receiver got the real values: only the record is masked.
      assert.equal(seen.at(-1)!['authorization'], 'Bearer s3cret');
      assert.equal(r.responseHeaders!['x-receiver'], 'yes');
      assert.equal(r.responseHeaders!['set-cookie'], '****');
      // An IP literal needs no lookup.
      assert.equal(r.timings!.dnsMs, null);
      assert.equal(r.remoteAddress, '127.0.0.1');
    } finally {
      await agent.close();
    }
  });

  it('keeps as much of the answer as the limit says', async () => {
    const agent = createHttpAgent(LOOPBACK);
    try {
      const post = (limit: number) => postRequest(agent, { url: `http://127.0.0.1:${port}/`, body: '{}', headers: {} }, 2000, limit);
      assert.equal((await post(25)).responseBody, '0123456789012345678901234');
      assert.equal((await post(0)).responseBody, '');
      assert.equal((await post(4096)).responseBody!.length, 100);
    } finally {
      await agent.close();
    }
  });

  it('has no wire record for a request that reached no socket', async () => {
    const agent = createHttpAgent(LOOPBACK);
    try {
      const r = await postRequest(agent, { url: `http://127.0.0.1:${await freePort()}/`, body: '{}', headers: {} }, 1000);
      assert.deepEqual(
        [r.errorType, r.requestHeaders, r.timings, r.remoteAddress, r.responseHeaders],
        ['connection', null, null, null, null],
      );
    } finally {
      await agent.close();
    }
  });

  describe('over TLS', () => {
    let dir = '';
    let tls: TlsServer;
    let tlsPort = 0;
    let ca: Buffer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wire-capture-'));
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
          ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
          ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
        ],
        { stdio: 'ignore' },
      );
      ca = readFileSync(join(dir, 'cert.pem'));
      tls = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: ca }, (req, res) => {
        req.resume();
        res.end('secure');
      });
      tlsPort = await listen(tls);
    });
    after(() => {
      close(tls);
      rmSync(dir, { recursive: true, force: true });
    });

    it('times the handshake apart from the TCP connect', async () => {
      const agent = createHttpAgent(LOOPBACK, undefined, { ca });
      try {
        const r = await postRequest(agent, { url: `https://localhost:${tlsPort}/`, body: '{}', headers: {} }, 3000);
        assert.equal(r.statusCode, 200, r.errorMessage ?? '');
        const t = r.timings!;
        assert.ok(t.tlsMs !== null && t.tlsMs > 0, `tls ${t.tlsMs}`);
        assert.ok(t.connectMs !== null && t.dnsMs !== null);
        assert.ok(t.firstByteMs! >= t.dnsMs + t.connectMs + t.tlsMs, JSON.stringify(t));
      } finally {
        await agent.close();
      }
    });
  });

  it('reads a header block as undici writes it', () => {
    assert.deepEqual(parseHeaderBlock('POST /a HTTP/1.1\r\nhost: x:1\r\nconnection: keep-alive\r\ncookie: a=b\r\nx-v: a: b\r\n'), [
      { name: 'host', value: 'x:1' },
      { name: 'connection', value: 'keep-alive' },
      { name: 'cookie', value: '****' },
      { name: 'x-v', value: 'a: b' },
    ]);
  });
});
