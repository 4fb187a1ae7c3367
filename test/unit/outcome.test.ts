import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createRawServer, type Server as RawServer, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { postRequest, createHttpAgent } from '../../activities/post.js';
import { createNetworkPolicy } from '../../src/policy/network-policy.js';
import { classifyAttempt } from '../../src/policy/outcome.js';
import { freePort } from '../helpers/ports.js';

describe('outcome classification', () => {
  it('classifies status codes', () => {
    for (const code of [200, 201, 204, 299]) assert.equal(classifyAttempt({ statusCode: code, errorType: null }), 'succeeded');
    assert.equal(classifyAttempt({ statusCode: 410, errorType: null }), 'gone');
    for (const code of [400, 401, 404, 409, 429]) assert.equal(classifyAttempt({ statusCode: code, errorType: null }), 'retry');
    for (const code of [500, 502, 503, 504]) assert.equal(classifyAttempt({ statusCode: code, errorType: null }), 'retry');
    assert.equal(classifyAttempt({ statusCode: 301, errorType: 'redirect' }), 'retry');
    assert.equal(classifyAttempt({ statusCode: null, errorType: 'timeout' }), 'retry');
  });

  describe('on the wire (loopback)', () => {
    const agent = createHttpAgent(createNetworkPolicy(true, ['127.0.0.0/8']));
    let server: Server;
    let url = '';
    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 3000);
        if (req.url === '/redirect') return void res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
        if (req.url === '/long-redirect') return void res.writeHead(302, { location: LONG_LOCATION }).end();
        if (req.url === '/big') return void res.end('x'.repeat(100_000));
        if (req.url === '/later') return void res.writeHead(503, { 'retry-after': '42' }).end('busy');
        res.writeHead(Number(req.url!.slice(1)) || 200).end('answered');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      server.close();
      await agent.close();
    });
    const post = (path: string, timeoutMs = 1000) => postRequest(agent, { url: url + path, body: '{}', headers: {} }, timeoutMs);

    it('2xx succeeds, 410 is gone, 4xx and 5xx retry', async () => {
      assert.equal(classifyAttempt(await post('/200')), 'succeeded');
      assert.equal(classifyAttempt(await post('/410')), 'gone');
      const notFound = await post('/404');
      assert.deepEqual([notFound.statusCode, notFound.errorType, classifyAttempt(notFound)], [404, null, 'retry']);
      const failed = await post('/500');
      assert.deepEqual([failed.statusCode, failed.responseBody, classifyAttempt(failed)], [500, 'answered', 'retry']);
    });

    it('a timeout is an error of type timeout with no status', async () => {
      const r = await post('/slow', 300);
      assert.deepEqual([r.statusCode, r.errorType, classifyAttempt(r)], [null, 'timeout', 'retry']);
      assert.ok(r.durationMs >= 250 && r.durationMs < 2500, String(r.durationMs));
    });

    it('connection refused is an error of type connection', async () => {
      const port = await freePort();
      const r = await postRequest(agent, { url: `http://127.0.0.1:${port}/`, body: '{}', headers: {} }, 1000);
      assert.deepEqual([r.statusCode, r.errorType, classifyAttempt(r)], [null, 'connection', 'retry']);
    });

    it('redirects are not followed, answers are capped at 4 KiB, Retry-After is read', async () => {
      const redirect = await post('/redirect');
      assert.deepEqual([redirect.statusCode, redirect.errorType], [302, 'redirect']);
      const big = await post('/big');
      assert.equal(big.responseBody!.length, 4096);
      const later = await post('/later');
      assert.deepEqual([later.statusCode, later.retryAfterSeconds], [503, 42]);
    });

    it('a redirect names its Location, cut to 200 characters', async () => {
      const r = await post('/long-redirect');
      assert.deepEqual([r.statusCode, r.errorType], [302, 'redirect']);
      assert.ok(r.errorMessage!.includes(LONG_LOCATION.slice(0, 200) + '…'), r.errorMessage!.slice(0, 300));
      assert.ok(r.errorMessage!.length < 300, `message of ${r.errorMessage!.length} characters`);
    });
  });

  describe('receivers that break HTTP (raw sockets)', () => {
    const agent = createHttpAgent(createNetworkPolicy(true, ['127.0.0.0/8']));
    const hint = 'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n';
    const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    /** What each path answers, written as raw bytes after the request arrives. */
    const answers: Record<string, (socket: Socket) => void> = {
      '/garbage-status': (s) => s.write('GARBAGE\r\n\r\n'),
      '/bad-status-code': (s) => s.write('HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n'),
      '/bad-header-name': (s) => s.write('HTTP/1.1 200 OK\r\nBad Header: 1\r\nContent-Length: 0\r\n\r\n'),
      '/bad-header-value': (s) => s.write('HTTP/1.1 200 OK\r\nX-Bad: a\x01b\r\nContent-Length: 0\r\n\r\n'),
      '/binary': (s) => s.write(Buffer.from([0, 1, 2, 0xff])),
      '/ten-hints-then-ok': (s) => s.write(hint.repeat(10) + ok),
      '/eleven-hints-then-ok': (s) => s.write(hint.repeat(11) + ok),
      '/hints-forever': (s) => {
        // As fast as the socket takes them, until the client hangs up.
        const batch = hint.repeat(200);
        const pump = () => {
          if (s.destroyed) return;
          if (s.write(batch)) setImmediate(pump);
          else s.once('drain', pump);
        };
        pump();
      },
    };
    let raw: RawServer;
    let url = '';
    let closedSockets = 0;
    before(async () => {
      raw = createRawServer((socket) => {
        socket.on('error', () => {});
        socket.on('close', () => closedSockets++);
        // Every request on the socket, kept alive or not, gets its path's answer.
        socket.on('data', (chunk) => {
          const path = /^POST (\S+) HTTP\/1\.1\r\n/.exec(chunk.toString('latin1'))?.[1];
          if (path) answers[path]?.(socket);
        });
      });
      await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(raw.address() as { port: number }).port}`;
    });
    after(async () => {
      raw.close();
      await agent.close();
    });
    const post = (path: string, timeoutMs = 3000) => postRequest(agent, { url: url + path, body: '{}', headers: {} }, timeoutMs);

    it('an invalid status line or invalid headers are a connection error, not internal', async () => {
      for (const path of ['/garbage-status', '/bad-status-code', '/bad-header-name', '/bad-header-value', '/binary']) {
        const r = await post(path);
        assert.deepEqual([r.statusCode, r.errorType, classifyAttempt(r)], [null, 'connection', 'retry'], `${path}: ${JSON.stringify(r)}`);
        assert.match(r.errorMessage!, /^invalid HTTP answer: /, path);
      }
    });

    it('up to 10 informational (1xx) answers are read past', async () => {
      const r = await post('/ten-hints-then-ok');
      assert.deepEqual([r.statusCode, r.responseBody, r.errorType], [200, 'ok', null]);
    });

    it('an eleventh informational answer ends the attempt as a connection error', async () => {
      const r = await post('/eleven-hints-then-ok');
      assert.deepEqual([r.statusCode, r.errorType, classifyAttempt(r)], [null, 'connection', 'retry'], JSON.stringify(r));
      assert.match(r.errorMessage!, /too many informational \(1xx\) responses/);
    });

    it('an endless stream of 103 Early Hints ends at once, the socket closed, the event loop free', async () => {
      const closedBefore = closedSockets;
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const cpuBefore = process.cpuUsage();
      const r = await post('/hints-forever', 5000);
      const cpuMs = process.cpuUsage(cpuBefore).user / 1000;
      lag.disable();
      assert.deepEqual([r.statusCode, r.errorType], [null, 'connection'], JSON.stringify(r));
      assert.match(r.errorMessage!, /too many informational \(1xx\) responses/);
      assert.ok(r.durationMs < 1000, `the attempt took ${r.durationMs} ms of its 5000 ms timeout`);
      assert.ok(cpuMs < 1000, `the attempt burned ${cpuMs} ms of CPU`);
      assert.ok(lag.max / 1e6 < 500, `the event loop stalled ${lag.max / 1e6} ms`);
      const deadline = Date.now() + 2000;
      while (closedSockets === closedBefore && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
      assert.ok(closedSockets > closedBefore, 'the connection to the receiver was closed');
    });
  });
});

/** A Location as long as a hostile receiver likes (15 KB). */
const LONG_LOCATION = 'https://elsewhere.example/' + 'a'.repeat(15_000);
