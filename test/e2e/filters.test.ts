import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const MAX_SUBSCRIPTIONS = 52;

describe('filters: matching cost, size caps, subscriptions per tenant, exact keys', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('filters', { MAX_SUBSCRIPTIONS_PER_TENANT: String(MAX_SUBSCRIPTIONS) });
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.created');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const problemFields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it('answers a 240 KB event against 50 subscriptions with 100-value any-of filters within 5 s', async () => {
    // 49 subscriptions look at a large value that equals none of their 100 options; one matches on `zone`.
    const options = Array.from({ length: 100 }, (_, i) => `option-${i}`);
    for (let i = 0; i < 49; i++) {
      await createSubscription(svc, { url: `${receiver.url}/big`, events: ['job.created'], filter: { payload: options } });
    }
    const zone = await createSubscription(svc, {
      url: `${receiver.url}/zone`,
      events: ['job.created'],
      filter: { zone: [...options.slice(1), 'East'] },
    });
    const payload = { rows: Array.from({ length: 2400 }, (_, i) => ({ id: i, note: 'x'.repeat(80) })) };
    const data = { zone: 'East', payload };
    assert.ok(JSON.stringify(data).length > 240_000);

    const started = Date.now();
    // The old matcher serialised the 240 KB value 10,000 times for this one event: tens of seconds.
    const res = await svc.api('POST', '/v1/events', { type: 'job.created', data }, { timeoutMs: 5_000 }).catch((err: Error) => {
      throw new Error(`no answer within 5 s (${err.name}): matching stalls the service`);
    });
    const tookMs = Date.now() - started;
    assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 300));
    assert.deepEqual(
      res.body.deliveries.map((d: { subscriptionId: string }) => d.subscriptionId),
      [zone.id],
    );
    console.log(`  240 KB event, 50 subscriptions x 100-value filters: answered in ${tookMs} ms`);
  });

  it(`refuses a subscription beyond MAX_SUBSCRIPTIONS_PER_TENANT (${MAX_SUBSCRIPTIONS}) with 422, and takes one again after a delete`, async () => {
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE deleted_at IS NULL`);
    const made: string[] = [];
    for (let i = n; i < MAX_SUBSCRIPTIONS; i++)
      made.push((await createSubscription(svc, { url: receiver.url, events: ['job.created'] })).id);
    const over = await svc.api('POST', '/v1/subscriptions', { url: receiver.url, events: ['job.created'], ping: false });
    assert.equal(over.status, 422, JSON.stringify(over.body));
    assert.match(over.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.match(over.body.detail, new RegExp(`${MAX_SUBSCRIPTIONS} subscriptions`));
    assert.match(over.body.detail, /MAX_SUBSCRIPTIONS_PER_TENANT/);
    const [{ live }] = await svc.db.query(`SELECT count(*)::int AS live FROM subscriptions WHERE deleted_at IS NULL`);
    assert.equal(live, MAX_SUBSCRIPTIONS);

    assert.equal((await svc.api('DELETE', `/v1/subscriptions/${made[0]}`)).status, 204);
    await createSubscription(svc, { url: receiver.url, events: ['job.created'] });
  });

  it('refuses filters over 16 KiB or over 1000 values with 422 naming filter; an operator it does not know names its path', async () => {
    const cases: { filter: unknown; fields: string[] }[] = [
      // 20 conditions of 1 KB strings: about 20 KiB.
      { filter: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, 'x'.repeat(1000)])), fields: ['filter'] },
      // 20 conditions x 100 small values: 2,000 values in about 8 KiB.
      {
        filter: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, Array.from({ length: 100 }, (_, v) => v)])),
        fields: ['filter'],
      },
      { filter: { amount: { $gtx: 100 } }, fields: ['filter.amount.$gtx'] },
      { filter: { $or: [], s: { $regex: '(a)\\1' } }, fields: ['filter.$or', 'filter.s.$regex'] },
      { filter: { amount: { nested: 1 } }, fields: ['filter.amount'] },
      { filter: { '': 1, ok: [] }, fields: ['filter', 'filter.ok'] },
    ];
    const before = (await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions`))[0].n;
    for (const c of cases) {
      const res = await svc.api('POST', '/v1/subscriptions', { url: receiver.url, events: ['job.created'], filter: c.filter, ping: false });
      const label = `${JSON.stringify(c.filter).slice(0, 80)}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      assert.equal(res.status, 422, label);
      for (const field of c.fields) assert.ok(problemFields(res.body).includes(field), `${label}\n  missing field ${field}`);
    }
    assert.equal((await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions`))[0].n, before);
  });

  it('keeps a __proto__ key of a filter exactly and matches it against the event data own key', async () => {
    const [victim] = await svc.db.query(`SELECT id FROM subscriptions WHERE deleted_at IS NULL LIMIT 1`);
    await svc.api('DELETE', `/v1/subscriptions/${victim.id}`);
    const raw = JSON.stringify({ url: `${receiver.url}/proto`, events: ['job.created'], ping: false }).replace(
      /}$/,
      ',"filter":{"__proto__":"x"}}',
    );
    const res = await svc.api('POST', '/v1/subscriptions', undefined, { raw, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(JSON.stringify(res.body.filter), '{"__proto__":"x"}');
    const read = await svc.api('GET', `/v1/subscriptions/${res.body.id}`);
    assert.equal(JSON.stringify(read.body.filter), '{"__proto__":"x"}');

    const send = async (value: string) => {
      const event = await svc.api('POST', '/v1/events', undefined, {
        raw: `{"type":"job.created","data":{"__proto__":${JSON.stringify(value)}}}`,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(event.status, 202, JSON.stringify(event.body));
      return event.body.deliveries.some((d: { subscriptionId: string }) => d.subscriptionId === res.body.id);
    };
    assert.equal(await send('x'), true);
    assert.equal(await send('y'), false);

    const patched = await svc.api('PATCH', `/v1/subscriptions/${res.body.id}`, undefined, {
      raw: '{"filter":{"__proto__":"y","a":1}}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepStrictEqual(patched.body.filter, JSON.parse('{"__proto__":"y","a":1}'));
  });
});
