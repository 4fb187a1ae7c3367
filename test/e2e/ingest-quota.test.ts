import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.js';
import { TestReceiver } from '../helpers/receiver.js';
import { callApi, startService, type ApiResponse, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-ingest-quota';

interface Tenant {
  id: string;
  apiKey: string;
}

/** A counter's value in the Prometheus text of /metrics, summed over its labels (0 when absent). */
async function metric(svc: TestService, name: string): Promise<number> {
  const text = String((await svc.api('GET', '/metrics', undefined, { key: null })).body);
  const series = text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'));
  return [...series].reduce((sum, m) => sum + Number(m[1]), 0);
}

const batchOf = (n: number, tag: string) => ({ events: Array.from({ length: n }, (_, i) => ({ type: 'quota.hit', data: { tag, i } })) });

function assertThrottled(res: ApiResponse, label: string): number {
  assert.equal(res.status, 429, `${label}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(res.body.type, 'https://hookrelay.dev/problems/ingest-quota-exceeded');
  assert.match(res.body.detail, /Nothing was written/);
  const retryAfter = res.headers.get('retry-after');
  assert.match(retryAfter ?? '', /^[1-9]\d*$/, `${label}: Retry-After ${retryAfter}`);
  return Number(retryAfter);
}

describe('ingest quota: per tenant, in Postgres, nothing written over it', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  // A second api on the same database: the quota must hold across api processes.
  let secondApi: INestApplication;
  let secondUrl: string;

  const as = (tenant: Tenant, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    svc.api(method, path, body, { key: tenant.apiKey, headers });
  const admin = (method: string, path: string, body?: unknown) => svc.api(method, path, body, { key: ADMIN });

  async function newTenant(name: string): Promise<Tenant> {
    const created = await admin('POST', '/v1/tenants', { name });
    assert.equal(created.status, 201);
    const tenant = created.body as Tenant;
    assert.equal((await as(tenant, 'POST', '/v1/event-types', { name: 'quota.hit' })).status, 201);
    const sub = await as(tenant, 'POST', '/v1/subscriptions', { url: receiver.url, events: ['quota.hit'], ping: false });
    assert.equal(sub.status, 201);
    return tenant;
  }

  /** What was written for a tenant, counted in the database and through the API. */
  async function written(tenant: Tenant): Promise<{ events: number; deliveries: number }> {
    const [{ events, deliveries }] = await svc.db.query(
      `SELECT (SELECT count(*)::int FROM events WHERE tenant_id = $1) AS events,
              (SELECT count(*)::int FROM deliveries WHERE tenant_id = $1) AS deliveries`,
      [tenant.id],
    );
    let listed = 0;
    for (let cursor = ''; ;) {
      const page = await as(tenant, 'GET', `/v1/events?limit=250${cursor && `&cursor=${cursor}`}`);
      listed += page.body.data.length;
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    assert.equal(listed, events, 'the API lists what the database holds');
    return { events, deliveries };
  }

  before(async () => {
    // The default quota, for tenants with none of their own: 1 event per second, burst one full batch (500).
    svc = await startService('ingest-quota', { ADMIN_API_KEY: ADMIN, TENANT_EVENTS_PER_SECOND: '1', TENANT_EVENTS_BURST: '500' });
    receiver = await TestReceiver.start();
    secondApi = await createApp({ ...svc.config, role: 'api' });
    await secondApi.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(secondApi.getHttpServer().address() as { port: number }).port}`;
  });
  after(async () => {
    await secondApi?.close();
    await svc?.close();
    await receiver?.close();
  });

  it('applies TENANT_EVENTS_PER_SECOND / TENANT_EVENTS_BURST to a tenant without its own: a full batch, then 429', async () => {
    const tenant = await newTenant('default-quota');
    const shown = await admin('GET', `/v1/tenants/${tenant.id}`);
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.body.ingestQuota, null);
    assert.deepEqual(shown.body.effectiveIngestQuota, { perSecond: 1, burst: 500, source: 'default' });

    assert.equal((await as(tenant, 'POST', '/v1/events/batch', batchOf(500, 'full'))).status, 202, 'a full batch fits a full bucket');
    const before = await metric(svc, 'webhook_ingest_throttled_total');
    const refused = await as(tenant, 'POST', '/v1/events', { type: 'quota.hit', data: { tag: 'one-more' } });
    assertThrottled(refused, 'the 501st event');
    assert.equal(await metric(svc, 'webhook_ingest_throttled_total'), before + 1);
    assert.deepEqual(await written(tenant), { events: 500, deliveries: 500 });
  });

  it('counts each event of a batch: all or nothing, and the same request passes after Retry-After', async () => {
    const tenant = await newTenant('counted');
    const patched = await admin('PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 1, burst: 10 } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.ingestQuota, { perSecond: 1, burst: 10 });
    assert.deepEqual(patched.body.effectiveIngestQuota, { perSecond: 1, burst: 10, source: 'tenant' });

    // More than the burst can never fit: 422 naming the batch, rather than a 429 a client would retry for ever.
    const tooMany = await as(tenant, 'POST', '/v1/events/batch', batchOf(11, 'eleven'));
    assert.equal(tooMany.status, 422, JSON.stringify(tooMany.body));
    assert.deepEqual(
      tooMany.body.errors.map((e: { field: string }) => e.field),
      ['events'],
    );
    assert.deepEqual(await written(tenant), { events: 0, deliveries: 0 });

    assert.equal((await as(tenant, 'POST', '/v1/events/batch', batchOf(10, 'ten'))).status, 202, 'a batch of the burst fits');
    // The bucket refills one event a second: three more fit in about three seconds, not now.
    const refused = await as(tenant, 'POST', '/v1/events/batch', batchOf(3, 'three'));
    const retryAfter = assertThrottled(refused, 'three more');
    assert.ok(retryAfter <= 3, `Retry-After ${retryAfter}`);
    assert.deepEqual(await written(tenant), { events: 10, deliveries: 10 }, 'the refused batch wrote nothing');

    await sleep(retryAfter * 1000);
    const passed = await as(tenant, 'POST', '/v1/events/batch', batchOf(3, 'three'));
    assert.equal(passed.status, 202, `after Retry-After: ${passed.status} ${JSON.stringify(passed.body)}`);
    assert.deepEqual(await written(tenant), { events: 13, deliveries: 13 });
  });

  it('does not charge a replay: a known Idempotency-Key answers 202 with the first event while new ones get 429', async () => {
    const tenant = await newTenant('replays');
    await admin('PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 1, burst: 5 } });
    const first = await as(tenant, 'POST', '/v1/events', { type: 'quota.hit', data: { tag: 'first' } }, { 'idempotency-key': 'k-1' });
    assert.equal(first.status, 202);
    assert.equal((await as(tenant, 'POST', '/v1/events/batch', batchOf(4, 'rest'))).status, 202);
    assertThrottled(
      await as(tenant, 'POST', '/v1/events', { type: 'quota.hit', data: { tag: 'new' } }, { 'idempotency-key': 'k-2' }),
      'a new key',
    );
    const replay = await as(tenant, 'POST', '/v1/events', { type: 'quota.hit', data: { tag: 'first' } }, { 'idempotency-key': 'k-1' });
    assert.equal(replay.status, 202, JSON.stringify(replay.body));
    assert.equal(replay.body.id, first.body.id);
    assert.deepEqual(await written(tenant), { events: 5, deliveries: 5 });
  });

  it("changes one tenant's quota from its next request, leaving another's alone; 0 is unlimited, null the default", async () => {
    const changed = await newTenant('changed');
    const untouched = await newTenant('untouched');
    assert.equal((await as(changed, 'POST', '/v1/events/batch', batchOf(11, 'before'))).status, 202, 'the default burst admits 11');
    await admin('PATCH', `/v1/tenants/${changed.id}`, { ingestQuota: { perSecond: 1, burst: 10 } });
    assert.equal((await as(changed, 'POST', '/v1/events/batch', batchOf(11, 'after'))).status, 422, 'the new burst applies at once');
    assert.equal((await as(untouched, 'POST', '/v1/events/batch', batchOf(11, 'other'))).status, 202, 'the other tenant keeps the default');
    assert.deepEqual((await admin('GET', `/v1/tenants/${untouched.id}`)).body.effectiveIngestQuota, {
      perSecond: 1,
      burst: 500,
      source: 'default',
    });

    const unlimited = await admin('PATCH', `/v1/tenants/${changed.id}`, { ingestQuota: { perSecond: 0 } });
    assert.deepEqual(unlimited.body.effectiveIngestQuota, { perSecond: 0, burst: 0, source: 'tenant' });
    for (let i = 0; i < 3; i++) {
      assert.equal((await as(changed, 'POST', '/v1/events/batch', batchOf(500, `unlimited-${i}`))).status, 202, 'unlimited');
    }
    const reset = await admin('PATCH', `/v1/tenants/${changed.id}`, { ingestQuota: null });
    assert.equal(reset.body.ingestQuota, null);
    assert.deepEqual(reset.body.effectiveIngestQuota, { perSecond: 1, burst: 500, source: 'default' });
    assert.deepEqual(await written(changed), { events: 1511, deliveries: 1511 });
  });

  it('judges a raised quota at once, even right after refusals (a refusal is remembered per quota, not per tenant)', async () => {
    const tenant = await newTenant('raised');
    await admin('PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 1, burst: 5 } });
    assert.equal((await as(tenant, 'POST', '/v1/events/batch', batchOf(5, 'full'))).status, 202);
    assertThrottled(await as(tenant, 'POST', '/v1/events/batch', batchOf(5, 'over')), 'five more');
    assertThrottled(await as(tenant, 'POST', '/v1/events/batch', batchOf(5, 'again')), 'five more, again');
    await admin('PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 1000, burst: 20000 } });
    const passed = await as(tenant, 'POST', '/v1/events/batch', batchOf(5, 'raised'));
    assert.equal(passed.status, 202, `after the raise: ${passed.status} ${JSON.stringify(passed.body)}`);
    assert.deepEqual(await written(tenant), { events: 10, deliveries: 10 });
  });

  it('holds across two api processes: concurrent requests never admit more than the bucket holds', async () => {
    const tenant = await newTenant('two-apis');
    await admin('PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 1, burst: 10 } });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        callApi(i % 2 ? secondUrl : svc.baseUrl, tenant.apiKey, 'POST', '/v1/events', { type: 'quota.hit', data: { i } }),
      ),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    const accepted = answers.filter((a) => a.status === 202).length;
    for (const a of answers.filter((a) => a.status !== 202)) assertThrottled(a, 'concurrent');
    // The bucket starts full (10) and refills one a second while the requests run.
    assert.ok(accepted >= 10 && accepted <= 10 + Math.ceil(elapsedSeconds), `${accepted} accepted in ${elapsedSeconds} s`);
    assert.deepEqual(await written(tenant), { events: accepted, deliveries: accepted });
  });

  it('answers 422 naming every bad field of a PATCH, 404 for an unknown tenant, 401 without the admin key', async () => {
    const tenant = await newTenant('admin-routes');
    const bad: [unknown, string[]][] = [
      [{ ingestQuota: { perSecond: -1, burst: 0 } }, ['ingestQuota.perSecond', 'ingestQuota.burst']],
      [{ ingestQuota: { perSecond: 'fast', extra: 1 } }, ['ingestQuota.extra', 'ingestQuota.perSecond']],
      [{ ingestQuota: { perSecond: 1.5, burst: 100_000_001 } }, ['ingestQuota.perSecond', 'ingestQuota.burst']],
      [{ ingestQuota: { burst: 10 } }, ['ingestQuota.perSecond']],
      [{ ingestQuota: { perSecond: 0, burst: 10 } }, ['ingestQuota.burst']],
      [{ ingestQuota: 5, name: 'x' }, ['name', 'ingestQuota']],
    ];
    for (const [body, fields] of bad) {
      const res = await admin('PATCH', `/v1/tenants/${tenant.id}`, body);
      assert.equal(res.status, 422, `${JSON.stringify(body)}: ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field).sort(), [...fields].sort(), JSON.stringify(res.body));
    }
    assert.equal((await admin('GET', `/v1/tenants/${tenant.id}`)).body.ingestQuota, null, 'nothing changed');

    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { ingestQuota: null }],
    ] as const) {
      const missing = await admin(method, '/v1/tenants/ten_nope', body);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.type, 'https://hookrelay.dev/problems/not-found');
      for (const key of [tenant.apiKey, svc.apiKey, null, 'whk_wrong']) {
        const res = await svc.api(method, `/v1/tenants/${tenant.id}`, body, { key });
        assert.equal(res.status, 401, `${method} with ${key}: ${res.status}`);
      }
    }
    const rogue = await as(tenant, 'PATCH', `/v1/tenants/${tenant.id}`, { ingestQuota: { perSecond: 0 } });
    assert.equal(rogue.status, 401, 'a tenant cannot lift its own quota');
    assert.equal((await admin('GET', `/v1/tenants/${tenant.id}`)).body.ingestQuota, null);
  });
});
