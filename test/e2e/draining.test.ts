import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Worker } from '@temporalio/worker';
import { DeliveryWorker } from '../../src/temporal/delivery.worker.js';
import { drainAndClose } from '../../src/shutdown.js';
import { startService, type TestService } from '../helpers/service.js';

/** A POST whose body arrives in two halves, `gapMs` apart: a request in flight for that long. */
function slowPost(baseUrl: string, path: string, apiKey: string, body: string, gapMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), gapMs);
  });
}

describe('draining and health', () => {
  let svc: TestService;
  let closed = false;
  before(async () => {
    svc = await startService('draining');
  });
  after(async () => {
    if (!closed) await svc?.close();
  });

  it('/ready needs Postgres; Temporal is reported beside it', async () => {
    const ready = await svc.api('GET', '/ready', undefined, { key: null });
    assert.equal(ready.status, 200);
    assert.equal(ready.body.details.database.status, 'up');
    assert.equal(ready.body.details.temporal.status, 'up');
  });

  it('on SIGTERM: /ready is 503 at once, a request in flight gets its answer, then the listener closes', async () => {
    const graceMs = 1500;
    const inFlight = slowPost(svc.baseUrl, '/v1/event-types', svc.apiKey, JSON.stringify({ name: 'order.drained' }), 1000);
    await new Promise((done) => setTimeout(done, 200));
    const started = Date.now();
    const stopped = drainAndClose(svc.app, graceMs, async () => {
      closed = true;
      await svc.close();
    });
    const ready = await svc.api('GET', '/ready', undefined, { key: null });
    assert.equal(ready.status, 503, 'not ready as soon as the drain starts');
    assert.equal(ready.body.details.process.message, 'draining: shutting down');
    const health = await svc.api('GET', '/health', undefined, { key: null });
    assert.equal(health.status, 200, 'alive while draining');
    const answer = await inFlight;
    assert.equal(answer.status, 201, answer.text);
    // Still served during the grace (a load balancer may not have seen the 503 yet).
    assert.equal((await svc.api('GET', '/v1/event-types/order.drained')).status, 200);
    await stopped;
    assert.ok(Date.now() - started >= graceMs, 'the listener stayed open for the grace');
    await assert.rejects(fetch(`${svc.baseUrl}/health`), 'the listener is closed');
  });
});

describe('worker liveness', () => {
  let svc: TestService;
  before(async () => {
    svc = await startService('liveness', {}, 'worker');
  });
  after(async () => svc?.close());

  it('/health is 503 once the Temporal worker has stopped unasked', async () => {
    assert.equal((await svc.api('GET', '/health', undefined, { key: null })).status, 200);
    const worker = svc.app.get<unknown, { worker: Worker }>(DeliveryWorker).worker;
    worker.shutdown();
    const deadline = Date.now() + 10_000;
    while (worker.getState() !== 'STOPPED' && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    const health = await svc.api('GET', '/health', undefined, { key: null });
    assert.equal(health.status, 503);
    assert.match(health.body.error, /the Temporal worker is (stopped|draining|drained)/);
  });
});
