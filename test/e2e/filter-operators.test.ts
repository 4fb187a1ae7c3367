import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('filter operators: routing real events, and the filter-test routes', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('filterops');
    receiver = await TestReceiver.start();
    for (const type of ['invoice.paid', 'invoice.failed', 'job.created']) await createEventType(svc, type);
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const problemFields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const routedTo = async (type: string, data: Record<string, unknown>, subscriptionId: string) =>
    (await sendEvent(svc, type, data)).deliveries.some((d) => d.subscriptionId === subscriptionId);

  it('routes each event by comparisons, $or, $not, $regex and $type, and delivers what matched', async () => {
    const big = await createSubscription(svc, {
      url: `${receiver.url}/big`,
      events: ['*'],
      filter: {
        $type: { $regex: '^invoice\\.' },
        amount: { $gte: 100, $lt: 10_000 },
        $or: [{ currency: 'EUR' }, { 'customer.tier': { $in: ['gold', 'platinum'] } }],
        $not: { 'customer.email': { $regex: '@test\\.example$' } },
      },
    });
    const cases: [string, Record<string, unknown>, boolean][] = [
      ['invoice.paid', { amount: 150, currency: 'EUR', customer: { email: 'a@acme.example' } }, true],
      ['invoice.failed', { amount: 100, currency: 'USD', customer: { tier: 'gold' } }, true],
      ['job.created', { amount: 150, currency: 'EUR' }, false],
      ['invoice.paid', { amount: 99.5, currency: 'EUR' }, false],
      ['invoice.paid', { amount: '150', currency: 'EUR' }, false],
      ['invoice.paid', { amount: 150, currency: 'USD', customer: { tier: 'silver' } }, false],
      ['invoice.paid', { amount: 150, currency: 'EUR', customer: { email: 'qa@test.example' } }, false],
    ];
    const expected: string[] = [];
    for (const [type, data, wanted] of cases) {
      const routed = await routedTo(type, data, big.id);
      assert.equal(routed, wanted, `${type} ${JSON.stringify(data)}`);
      if (wanted) expected.push(JSON.stringify(data));
    }
    const arrived = await eventually(async () => {
      const got = receiver.requests.filter((r) => r.path === '/big');
      return got.length >= expected.length ? got : undefined;
    });
    assert.deepEqual(arrived.map((r) => JSON.stringify(JSON.parse(r.body).data)).sort(), expected.sort());
  });

  it('POST /v1/filters/test says whether and why a sample matches, storing nothing', async () => {
    const [{ n: eventsBefore }] = await svc.db.query(`SELECT count(*)::int AS n FROM events`);
    const yes = await svc.api('POST', '/v1/filters/test', {
      filter: { amount: { $gt: 100 }, $type: 'invoice.paid' },
      type: 'invoice.paid',
      data: { amount: 150 },
    });
    assert.equal(yes.status, 200, JSON.stringify(yes.body));
    assert.deepEqual(yes.body, { matches: true, reason: 'amount is 150, > 100; the event type is "invoice.paid", = "invoice.paid"' });
    const no = await svc.api('POST', '/v1/filters/test', { filter: { $or: [{ a: 1 }, { b: { $exists: true } }] }, data: { a: 2 } });
    assert.equal(no.status, 200);
    assert.equal(no.body.matches, false);
    assert.match(no.body.reason, /no alternative of \$or holds \(a is 2, not = 1 \| b is missing, not present\)/);
    const none = await svc.api('POST', '/v1/filters/test', { filter: null, data: {} });
    assert.deepEqual(none.body, { matches: true, reason: 'no filter: every event matches' });

    const bad = await svc.api('POST', '/v1/filters/test', {
      filter: { amount: { $gtx: 1 }, $and: [{ s: { $regex: '(x)\\1' } }] },
      data: 'x',
    });
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
    for (const field of ['filter.amount.$gtx', 'filter.$and.0.s.$regex', 'data'])
      assert.ok(problemFields(bad.body).includes(field), `${field} in ${JSON.stringify(bad.body)}`);
    const [{ n: eventsAfter }] = await svc.db.query(`SELECT count(*)::int AS n FROM events`);
    assert.equal(eventsAfter, eventsBefore);
  });

  it("POST /v1/subscriptions/:id/filter-test judges the subscription's own filter, or one to try", async () => {
    const sub = await createSubscription(svc, {
      url: `${receiver.url}/own`,
      events: ['invoice.*'],
      filter: { currency: { $in: ['EUR'] } },
    });
    const own = await svc.api('POST', `/v1/subscriptions/${sub.id}/filter-test`, { data: { currency: 'USD' } });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual(own.body, { matches: false, reason: 'currency is "USD", not one of ["EUR"]' });
    const tried = await svc.api('POST', `/v1/subscriptions/${sub.id}/filter-test`, {
      data: { currency: 'USD' },
      filter: { currency: { $neq: 'GBP' } },
    });
    assert.equal(tried.body.matches, true);
    const unknown = await svc.api('POST', `/v1/subscriptions/sub_doesnotexist/filter-test`, { data: {} });
    assert.equal(unknown.status, 404);
    const read = await svc.api('GET', `/v1/subscriptions/${sub.id}`);
    assert.deepEqual(read.body.filter, { currency: { $in: ['EUR'] } }, 'trying a filter changes nothing');
  });
});
