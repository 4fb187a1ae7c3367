import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import 'reflect-metadata';
import { FilterJudge } from '../../src/events/filter-judge.js';
import { SubscriptionMatcher } from '../../src/events/subscription-matcher.js';
import { EVENT_PATTERN, matchesEvents, matchesFilter, patternsMatching } from '../../src/policy/event-matching.js';

describe('event matching', () => {
  it('matches exact types, prefix patterns and *', () => {
    assert.equal(matchesEvents(['job.created'], 'job.created'), true);
    assert.equal(matchesEvents(['job.updated'], 'job.created'), false);
    assert.equal(matchesEvents(['job.*'], 'job.created'), true);
    assert.equal(matchesEvents(['job.*'], 'job.step.done'), true);
    assert.equal(matchesEvents(['job.step.*'], 'job.created'), false);
    assert.equal(matchesEvents(['jobs.*'], 'job.created'), false);
    assert.equal(matchesEvents(['job.*'], 'job'), false);
    assert.equal(matchesEvents(['*'], 'invoice.paid'), true);
  });

  it('keeps operational types away from * and prefix patterns', () => {
    assert.equal(matchesEvents(['*'], 'delivery.exhausted'), false);
    assert.equal(matchesEvents(['subscription.*'], 'subscription.disabled'), false);
    assert.equal(matchesEvents(['subscription.disabled'], 'subscription.disabled'), true);
    assert.deepEqual(patternsMatching('delivery.exhausted'), ['delivery.exhausted']);
  });

  it('lists every pattern that matches a type', () => {
    assert.deepEqual(patternsMatching('a.b.c'), ['a.b.c', 'a.b.*', 'a.*', '*']);
  });

  it('accepts only well-formed patterns', () => {
    for (const ok of ['*', 'job', 'job.created', 'job.*', 'a_b.c_d.*']) assert.ok(EVENT_PATTERN.test(ok), ok);
    for (const bad of ['Job', 'job.', '.job', 'job.*.x', 'job*', '**', 'job. created', '']) assert.ok(!EVENT_PATTERN.test(bad), bad);
  });

  it('filters on data by dotted path, arrays meaning any of', () => {
    const data = { type: 'Delivery', job: { zone: 'East', priority: 2 }, tags: ['a'] };
    assert.equal(matchesFilter(null, data), true);
    assert.equal(matchesFilter({ type: 'Delivery' }, data), true);
    assert.equal(matchesFilter({ type: 'Pickup' }, data), false);
    assert.equal(matchesFilter({ 'job.zone': 'East' }, data), true);
    assert.equal(matchesFilter({ 'job.zone': ['West', 'East'] }, data), true);
    assert.equal(matchesFilter({ 'job.zone': ['West'] }, data), false);
    assert.equal(matchesFilter({ 'job.priority': 2, type: 'Delivery' }, data), true);
    assert.equal(matchesFilter({ 'job.priority': '2' }, data), false);
    assert.equal(matchesFilter({ 'job.missing': 'x' }, data), false);
    assert.equal(matchesFilter({ 'type.length': 8 }, data), false);
  });
});

describe('filter matching cost', () => {
  const judge = new FilterJudge();
  after(() => judge.onApplicationShutdown());

  /** An event of about `kb` KiB whose `payload` is one large object, and a proxy counting every read of its top level. */
  function countedEvent(kb: number) {
    const payload = { rows: Array.from({ length: kb * 10 }, (_, i) => ({ id: i, note: 'x'.repeat(80) })) };
    const counter = { reads: 0 };
    const data = new Proxy(
      { zone: 'East', payload },
      {
        get: (t, k, r) => (counter.reads++, Reflect.get(t, k, r)),
        getOwnPropertyDescriptor: (t, k) => (counter.reads++, Reflect.getOwnPropertyDescriptor(t, k)),
        has: (t, k) => (counter.reads++, Reflect.has(t, k)),
      },
    );
    return { data, counter };
  }

  /** `n` subscriptions, each with a `values`-long any-of on the large object (never equal) and one on `zone`. */
  function candidates(n: number, values: number) {
    return Array.from({ length: n }, (_, i) => ({
      id: `sub_${i}`,
      events: ['job.*'],
      status: 'active' as const,
      url: 'https://example.com/',
      filter: { payload: Array.from({ length: values }, (_, v) => `option-${v}`), zone: i % 2 === 0 ? 'East' : 'West' },
    }));
  }

  /** Characters JSON.stringify produces while `run` runs: re-serialising the event per option shows here. */
  async function serialisedWhile(run: () => Promise<unknown>): Promise<number> {
    const original = JSON.stringify;
    let chars = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      const out = original(...args);
      chars += out?.length ?? 0;
      return out;
    }) as typeof JSON.stringify;
    try {
      await run();
    } finally {
      JSON.stringify = original;
    }
    return chars;
  }

  it('reads each filter path once per event and serialises nothing per option or per subscription', async () => {
    const { data, counter } = countedEvent(24);
    const eventSize = JSON.stringify(data).length;
    counter.reads = 0;
    let matched: { id: string }[] = [];
    const chars = await serialisedWhile(
      async () => (matched = await SubscriptionMatcher.select(judge, 'ten_unit', candidates(50, 100), 'job.created', data)),
    );
    assert.equal(matched.length, 0, 'no subscription matches the large object');
    // Old matcher: 50 subscriptions x 100 options x 2 serialisations of a 24 KiB value, about 240 MB of text.
    assert.ok(chars <= eventSize, `serialised ${chars} characters for a ${eventSize}-character event`);
    // One read per path segment (own-property check and value), whatever the number of subscriptions.
    const readsFor50 = counter.reads;
    counter.reads = 0;
    await SubscriptionMatcher.select(judge, 'ten_unit', candidates(500, 100), 'job.created', data);
    assert.equal(counter.reads, readsFor50, 'reads of the event grow with the number of subscriptions');
    assert.ok(readsFor50 <= 4, `${readsFor50} reads of the event's top level for two paths`);
  });

  it('still selects by scalar equality and any-of on the precompiled filters', async () => {
    const { data } = countedEvent(1);
    const subs = [
      { id: 'a', events: ['job.*'], status: 'active' as const, url: 'https://e/', filter: { zone: ['West', 'East'] } },
      { id: 'b', events: ['job.*'], status: 'active' as const, url: 'https://e/', filter: { zone: 'West' } },
      { id: 'c', events: ['invoice.*'], status: 'active' as const, url: 'https://e/', filter: null },
      { id: 'd', events: ['*'], status: 'active' as const, url: 'https://e/', filter: null },
      { id: 'e', events: ['job.created'], status: 'active' as const, url: 'https://e/', filter: { payload: 'x' } },
    ];
    assert.deepEqual(
      (await SubscriptionMatcher.select(judge, 'ten_unit', subs, 'job.created', data)).map((s) => s.id),
      ['a', 'd'],
    );
    // The same candidates serve every event of a batch.
    assert.deepEqual(
      (await SubscriptionMatcher.select(judge, 'ten_unit', subs, 'job.created', { zone: 'West' })).map((s) => s.id),
      ['a', 'b', 'd'],
    );
  });

  it('compares numbers, booleans, null and strings by JSON value and type, and reads own fields only', () => {
    assert.equal(matchesFilter({ n: 1 }, { n: 1.0 }), true);
    assert.equal(matchesFilter({ n: 0 }, { n: -0 }), true);
    assert.equal(matchesFilter({ n: '1' }, { n: 1 }), false);
    assert.equal(matchesFilter({ b: [true, null] }, { b: null }), true);
    assert.equal(matchesFilter({ b: [true, null] }, { b: false }), false);
    assert.equal(matchesFilter({ o: 'x' }, { o: { x: 1 } }), false);
    assert.equal(matchesFilter({ 'a.b': 'x' }, { a: [{ b: 'x' }] }), false);
    assert.equal(matchesFilter({ constructor: 'x' }, {}), false);
    assert.equal(matchesFilter({ 'toString.name': 'toString' }, {}), false);
    const own = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    assert.equal(matchesFilter({ '__proto__.x': 1 }, own), true);
    assert.equal(matchesFilter({ '__proto__.x': 1 }, { a: 1 }), false);
  });
});
