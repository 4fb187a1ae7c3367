import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { callApi, startService, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-slow-endpoints';
const HANGING = 100;

/** A receiver that takes every request and never answers (until closed). */
async function hangingReceiver(): Promise<{ url: string; open: () => number; close: () => Promise<void> }> {
  let open = 0;
  const server: Server = createServer((req) => {
    open++;
    req.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    open: () => open,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One tenant's slow endpoints cost only that tenant: attempts in flight are shared out between tenants (and
 * between a tenant's subscriptions), so a hundred hanging receivers cannot take every slot of the worker.
 */
describe('slow endpoints', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('slowendpoints', { ADMIN_API_KEY: ADMIN });
  });
  after(async () => svc?.close());

  const asTenant = async (name: string) => {
    const created = await svc.api('POST', '/v1/tenants', { name }, { key: ADMIN });
    assert.equal(created.status, 201);
    const key: string = created.body.apiKey;
    const api = (method: string, path: string, body?: unknown) => callApi(svc.baseUrl, key, method, path, body);
    assert.equal((await api('POST', '/v1/event-types', { name: 'job.done' })).status, 201);
    return api;
  };

  it(`another tenant's delivery is not held up by ${HANGING} hanging subscriptions`, async () => {
    const hanging = await hangingReceiver();
    const healthy = await TestReceiver.start();
    try {
      const slowTenant = await asTenant('slow');
      for (let i = 0; i < HANGING; i++) {
        const res = await slowTenant('POST', '/v1/subscriptions', {
          url: `${hanging.url}/${i}`,
          events: ['job.done'],
          timeoutMs: 60_000,
          ping: false,
        });
        assert.equal(res.status, 201);
      }
      const fastTenant = await asTenant('fast');
      assert.equal((await fastTenant('POST', '/v1/subscriptions', { url: healthy.url, events: ['job.done'], ping: false })).status, 201);

      assert.equal((await slowTenant('POST', '/v1/events', { type: 'job.done', data: {} })).status, 202);
      // The slow tenant's attempts are in flight (as many as its share allows): now the other tenant sends.
      await eventually(async () => (hanging.open() >= 20 ? true : undefined), 30_000, 'the hanging attempts to be in flight');
      const sentAt = Date.now();
      assert.equal((await fastTenant('POST', '/v1/events', { type: 'job.done', data: {} })).status, 202);
      const [got] = await healthy.waitForRequests(1, 30_000);
      const latencyMs = got.at - sentAt;
      console.log(`# tenant B's delivery took ${latencyMs} ms with ${hanging.open()} of tenant A's attempts hanging`);
      assert.ok(latencyMs < 1_000, `tenant B waited ${latencyMs} ms behind tenant A's hanging endpoints`);
    } finally {
      await hanging.close();
      await healthy.close();
    }
  });
});
