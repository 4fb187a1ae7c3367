import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
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
  });
});
