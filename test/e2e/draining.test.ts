import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Worker } from '@temporalio/worker';
import { DeliveryWorker } from '../../src/temporal/delivery.worker.js';
import { drainAndClose } from '../../src/shutdown.js';
import { generateApiKey } from '../../src/config.js';
import { createTestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
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
    // Room for the in-flight answer and one more request inside the grace, even on a loaded machine.
    const graceMs = 3000;
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

describe('a real SIGTERM to `--role api`', () => {
  it('/ready is 503 at once, the request in flight is answered, the process exits 0 after SHUTDOWN_DRAIN_MS', async () => {
    const db = await createTestDatabase('sigterm');
    const port = await freePort();
    const apiKey = generateApiKey();
    const child = spawn(process.execPath, [resolve('dist/src/main.js'), '--role', 'api'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: process.env['TEST_TEMPORAL_ADDRESS'],
        TEMPORAL_TASK_QUEUE: `test-sigterm-${randomBytes(3).toString('hex')}`,
        SECRETS_KEY: randomBytes(32).toString('hex'),
        BOOTSTRAP_API_KEY: apiKey,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'hookrelay-sigterm-')),
        LOG_LEVEL: 'warn',
        SHUTDOWN_DRAIN_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      let output = '';
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`not up in 60 s:\n${output}`)), 60_000);
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          if (!output.includes('hookrelay is running')) return;
          clearTimeout(timer);
          ready();
        });
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      });
      const base = `http://127.0.0.1:${port}`;
      const inFlight = slowPost(base, '/v1/event-types', apiKey, JSON.stringify({ name: 'order.sigterm' }), 1000);
      await new Promise((done) => setTimeout(done, 200));
      const signalled = Date.now();
      child.kill('SIGTERM');
      await new Promise((done) => setTimeout(done, 100));
      assert.equal((await fetch(`${base}/ready`)).status, 503, 'out of rotation at once');
      assert.equal((await inFlight).status, 201, 'the request in flight got its answer');
      assert.equal(await exited, 0);
      assert.ok(Date.now() - signalled >= 2000, 'served through SHUTDOWN_DRAIN_MS');
    } finally {
      child.kill('SIGKILL');
      await db.drop();
    }
  });
});
