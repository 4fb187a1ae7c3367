import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const ADMIN = 'search-admin-key';

describe('GET /v1/deliveries: the tenant-wide search', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  const ids: Record<string, string[]> = { ok: [], failing: [], other: [] };
  let okSub: string;
  let failingSub: string;
  let beforeOther: string;

  before(async () => {
    svc = await startService('search', { ADMIN_API_KEY: ADMIN });
    receiver = await TestReceiver.start();
    receiver.respond((req) => (req.path === '/failing' ? { status: 500, body: 'no' } : { status: 200, body: 'ok' }));
    for (const type of ['search.a', 'search.b']) await createEventType(svc, type);
    okSub = (await createSubscription(svc, { url: `${receiver.url}/ok`, events: ['search.*'] })).id;
    failingSub = (await createSubscription(svc, { url: `${receiver.url}/failing`, events: ['search.a'], retrySchedule: [] })).id;
    for (let i = 0; i < 3; i++) {
      const event = await sendEvent(svc, 'search.a', { i });
      for (const d of event.deliveries) ids[d.subscriptionId === okSub ? 'ok' : 'failing'].push(d.id);
    }
    beforeOther = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const b = await sendEvent(svc, 'search.b', {});
    ids['other'].push(b.deliveries[0].id);
    const all = [...ids['ok'], ...ids['failing'], ...ids['other']];
    await eventually(async () => {
      const states = await Promise.all(all.map(async (id) => (await svc.api('GET', `/v1/deliveries/${id}`)).body.status));
      return states.every((s) => s === 'succeeded' || s === 'failed') ? true : undefined;
    });
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const search = async (query: string) => {
    const res = await svc.api('GET', `/v1/deliveries${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { data: { id: string }[]; nextCursor: string | null };
  };
  const idsOf = (page: { data: { id: string }[] }) => page.data.map((d) => d.id).sort();

  it('filters by status, subscription, event type, HTTP status and time window', async () => {
    assert.deepEqual(idsOf(await search('?status=failed')), [...ids['failing']].sort());
    assert.deepEqual(idsOf(await search(`?subscriptionId=${okSub}`)), [...ids['ok'], ...ids['other']].sort());
    assert.deepEqual(idsOf(await search('?eventType=search.b')), ids['other']);
    assert.deepEqual(idsOf(await search('?statusCode=500')), [...ids['failing']].sort());
    assert.deepEqual(idsOf(await search(`?statusCode=200&subscriptionId=${okSub}&eventType=search.a`)), [...ids['ok']].sort());
    assert.deepEqual(idsOf(await search(`?since=${encodeURIComponent(beforeOther)}`)), ids['other']);
    assert.deepEqual(idsOf(await search(`?until=${encodeURIComponent(beforeOther)}`)), [...ids['ok'], ...ids['failing']].sort());
    assert.deepEqual(idsOf(await search(`?subscriptionId=${failingSub}&status=succeeded`)), []);
  });

  it('pages newest first with a cursor, each delivery once', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const body = await search(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.data.map((d) => d.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    assert.equal(seen.length, 7);
    assert.deepEqual([...seen].sort().reverse(), seen, 'newest first');
    assert.deepEqual([...seen].sort(), [...ids['ok'], ...ids['failing'], ...ids['other']].sort());
  });

  it("refuses bad filters naming each field, and never shows another tenant's deliveries", async () => {
    const bad = await svc.api('GET', '/v1/deliveries?status=lost&statusCode=99&since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z');
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    assert.deepEqual(fields, ['status', 'statusCode']);
    const window = await svc.api('GET', '/v1/deliveries?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z');
    assert.equal(window.status, 422);
    assert.deepEqual(
      (window.body.errors as { field: string }[]).map((e) => e.field),
      ['until'],
    );
    const other = await svc.api('POST', '/v1/tenants', { name: 'search-other' }, { key: ADMIN });
    const theirs = await svc.api('GET', '/v1/deliveries', undefined, { key: other.body.apiKey });
    assert.equal(theirs.status, 200);
    assert.deepEqual(theirs.body.data, []);
  });
});
