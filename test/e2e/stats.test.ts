import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateApiKey } from '../../src/config.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { callApi, startService, type TestService } from '../helpers/service.js';

describe('delivery stats', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    const admin = generateApiKey();
    svc = await startService('stats', { ADMIN_API_KEY: admin });
    (svc as TestService & { admin: string }).admin = admin;
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.created');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('counts the last 24 hours of deliveries by status, in total and per hour', async () => {
    const ok = await createSubscription(svc, { url: `${receiver.url}/ok`, events: ['job.created'] });
    const paused = await createSubscription(svc, { url: `${receiver.url}/held`, events: ['job.created'] });
    await svc.api('POST', `/v1/subscriptions/${paused.id}/pause`);
    const events = [await sendEvent(svc, 'job.created', { n: 1 }), await sendEvent(svc, 'job.created', { n: 2 })];
    const okIds = events.map((e) => e.deliveries.find((d) => d.subscriptionId === ok.id)!.id);
    for (const id of okIds)
      await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${id}`)).body.status === 'succeeded' ? true : undefined), 20_000);

    const res = await svc.api('GET', '/v1/stats/deliveries');
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 4);
    assert.equal(res.body.byStatus.succeeded, 2);
    assert.equal(res.body.byStatus.held, 2);
    assert.equal(res.body.byStatus.failed, 0);
    assert.ok(res.body.hourly.length >= 24 && res.body.hourly.length <= 26);
    const last = res.body.hourly[res.body.hourly.length - 1];
    assert.equal(last.succeeded + res.body.hourly[res.body.hourly.length - 2].succeeded, 2);
    assert.ok(Date.parse(res.body.until) - Date.parse(res.body.since) >= 24 * 3600_000 - 1000);
  });

  it('takes a window start within the last 7 days, and refuses others with 422', async () => {
    const future = await svc.api('GET', `/v1/stats/deliveries?since=${new Date(Date.now() + 60_000).toISOString()}`);
    assert.equal(future.status, 200);
    assert.equal(future.body.total, 0);
    const old = await svc.api('GET', `/v1/stats/deliveries?since=${new Date(Date.now() - 8 * 24 * 3600_000).toISOString()}`);
    assert.equal(old.status, 422);
    assert.equal(old.body.errors[0].field, 'since');
    assert.equal((await svc.api('GET', '/v1/stats/deliveries?since=yesterday')).status, 422);
    assert.equal((await svc.api('GET', '/v1/stats/deliveries?until=x')).status, 422);
  });

  it("counts only the caller's tenant", async () => {
    const admin = (svc as TestService & { admin: string }).admin;
    const tenant = await callApi(svc.baseUrl, admin, 'POST', '/v1/tenants', { name: 'other' });
    assert.equal(tenant.status, 201);
    const res = await callApi(svc.baseUrl, tenant.body.apiKey, 'GET', '/v1/stats/deliveries');
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 0);
    assert.equal((await svc.api('GET', '/v1/stats/deliveries', undefined, { key: null })).status, 401);
  });
});
