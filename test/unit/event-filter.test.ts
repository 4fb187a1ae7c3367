import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter, EventFields, explainFilter, filterMatches, type Filter } from '../../src/policy/event-filter.js';
import { filterProblems } from '../../src/subscriptions/filter-schema.js';

const event = { amount: 150, currency: 'EUR', customer: { tier: 'gold', email: 'a@example.com' }, tags: ['x'], note: null };
const matches = (filter: Filter, data: unknown = event, type = 'invoice.paid') =>
  filterMatches(compileFilter(filter), { fields: new EventFields(data), type });
const explain = (filter: Filter, data: unknown = event, type = 'invoice.paid') =>
  explainFilter(compileFilter(filter), { fields: new EventFields(data), type });
const problemPaths = (filter: unknown) => filterProblems(filter).map((p) => p.path.join('.'));

describe('filter operators', () => {
  it('compares numbers and strings, never across types', () => {
    assert.equal(matches({ amount: { $gt: 100 } }), true);
    assert.equal(matches({ amount: { $gt: 150 } }), false);
    assert.equal(matches({ amount: { $gte: 150 } }), true);
    assert.equal(matches({ amount: { $lt: 150 } }), false);
    assert.equal(matches({ amount: { $lte: 150 } }), true);
    assert.equal(matches({ amount: { $gt: 100, $lt: 200 } }), true, 'operators of one condition all hold');
    assert.equal(matches({ amount: { $gt: 100, $lt: 120 } }), false);
    assert.equal(matches({ amount: { $gt: '100' } }), false, 'a number is not compared with a string');
    assert.equal(matches({ currency: { $gte: 'EUR', $lt: 'F' } }), true);
    assert.equal(matches({ missing: { $lt: 1 } }), false);
  });

  it('tests equality, membership and presence like the Mongo operators', () => {
    assert.equal(matches({ currency: { $eq: 'EUR' } }), true);
    assert.equal(matches({ currency: { $neq: 'EUR' } }), false);
    assert.equal(matches({ missing: { $neq: 'EUR' } }), true, '$neq holds when the field is absent');
    assert.equal(matches({ 'customer.tier': { $in: ['gold', 'platinum'] } }), true);
    assert.equal(matches({ 'customer.tier': { $nin: ['gold'] } }), false);
    assert.equal(matches({ missing: { $nin: ['gold'] } }), true);
    assert.equal(matches({ missing: { $in: ['gold'] } }), false);
    assert.equal(matches({ note: { $exists: true } }), true, 'a null value is present');
    assert.equal(matches({ note: null }), true);
    assert.equal(matches({ missing: null }), false, 'null equals only null, not an absent field');
    assert.equal(matches({ missing: { $exists: false } }), true);
    assert.equal(matches({ tags: { $exists: true } }), true);
    assert.equal(matches({ tags: 'x' }), false, 'an array never equals a scalar');
  });

  it('matches patterns in linear time and only on strings', () => {
    assert.equal(matches({ 'customer.email': { $regex: '@example\\.com$' } }), true);
    assert.equal(matches({ 'customer.email': { $regex: '^b' } }), false);
    assert.equal(matches({ amount: { $regex: '150' } }), false, 'a number is not a string');
    // The classic catastrophic pattern against a long near-match: RE2 answers at once.
    const started = Date.now();
    assert.equal(matches({ s: { $regex: '^(a+)+$' } }, { s: 'a'.repeat(50_000) + 'b' }), false);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });

  it('combines filters with $and, $or and $not, and tests the event type with $type', () => {
    assert.equal(matches({ $or: [{ currency: 'USD' }, { amount: { $gt: 100 } }] }), true);
    assert.equal(matches({ $or: [{ currency: 'USD' }, { amount: { $gt: 1000 } }] }), false);
    assert.equal(matches({ $and: [{ currency: 'EUR' }, { amount: 150 }] }), true);
    assert.equal(matches({ $and: [{ currency: 'EUR' }, { amount: 151 }] }), false);
    assert.equal(matches({ $not: { currency: 'EUR' } }), false);
    assert.equal(matches({ currency: { $not: { $in: ['USD', 'GBP'] } } }), true);
    assert.equal(matches({ $type: 'invoice.paid' }), true);
    assert.equal(matches({ $type: { $regex: '^invoice\\.' }, amount: { $gte: 100 } }), true);
    assert.equal(matches({ $type: { $in: ['job.created'] } }), false);
    assert.equal(matches({}), true);
  });

  it('says which condition decided it', () => {
    assert.deepEqual(explain({ amount: { $gt: 200 } }), { matches: false, reason: 'amount is 150, not > 200' });
    assert.deepEqual(explain({ amount: { $gt: 100 }, currency: 'EUR' }), {
      matches: true,
      reason: 'amount is 150, > 100; currency is "EUR", = "EUR"',
    });
    assert.deepEqual(explain({ missing: 1 }), { matches: false, reason: 'missing is missing, not = 1' });
    const or = explain({ $or: [{ currency: 'USD' }, { amount: { $lt: 10 } }] });
    assert.equal(or.matches, false);
    assert.match(or.reason, /no alternative of \$or holds \(currency is "EUR", not = "USD" \| amount is 150, not < 10\)/);
    assert.deepEqual(explain({ $not: { currency: 'USD' } }), { matches: true, reason: '$not (currency is "EUR", not = "USD")' });
    assert.deepEqual(explain({ $type: 'job.created' }), {
      matches: false,
      reason: 'the event type is "invoice.paid", not = "job.created"',
    });
    assert.deepEqual(explainFilter(compileFilter(null), { fields: new EventFields({}) }).matches, true);
  });
});

describe('filter validation', () => {
  it('accepts every operator in its place', () => {
    const filter = {
      amount: { $gt: 1, $gte: 1, $lt: 9, $lte: 9, $neq: 5 },
      currency: { $in: ['EUR'], $nin: ['USD'], $eq: 'EUR', $exists: true, $regex: '^E', $not: { $eq: 'X' } },
      $type: { $regex: '^invoice\\.' },
      $or: [{ a: 1 }, { $and: [{ b: 2 }, { $not: { c: 3 } }] }],
    };
    assert.deepEqual(filterProblems(filter), []);
  });

  it('names the path of each bad part', () => {
    assert.deepEqual(problemPaths({ amount: { $gtx: 1 } }), ['amount.$gtx']);
    assert.deepEqual(problemPaths({ $foo: 1 }), ['$foo']);
    assert.deepEqual(problemPaths({ amount: { $gt: {} } }), ['amount.$gt']);
    assert.deepEqual(problemPaths({ amount: { $gt: true } }), ['amount.$gt']);
    assert.deepEqual(problemPaths({ amount: { $in: 'x' } }), ['amount.$in']);
    assert.deepEqual(problemPaths({ amount: { $in: [] } }), ['amount.$in']);
    assert.deepEqual(problemPaths({ amount: { $exists: 'yes' } }), ['amount.$exists']);
    assert.deepEqual(problemPaths({ amount: {} }), ['amount']);
    assert.deepEqual(problemPaths({ amount: { nested: 1 } }), ['amount']);
    assert.deepEqual(problemPaths({ $or: [] }), ['$or']);
    assert.deepEqual(problemPaths({ $or: [{ a: 1 }, 'x'] }), ['$or.1']);
    assert.deepEqual(problemPaths({ $and: [{ a: { $lt: [] } }] }), ['$and.0.a.$lt']);
    assert.deepEqual(problemPaths({ $not: [] }), ['$not']);
    assert.deepEqual(problemPaths({ 'a..b': 1 }), ['a..b']);
    assert.deepEqual(problemPaths({ s: { $regex: '(a)\\1' } }), ['s.$regex'], 'a backreference cannot run in linear time');
    assert.match(filterProblems({ s: { $regex: '(' } })[0].message, /pattern/);
  });

  it('bounds nesting, conditions and values', () => {
    let deep: Filter = { a: 1 };
    for (let i = 0; i < 6; i++) deep = { $not: deep };
    assert.equal(filterProblems(deep).length, 1);
    assert.match(filterProblems(deep)[0].message, /at most 5/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, i]));
    assert.match(filterProblems(many)[0].message, /51 conditions; at most 50/);
    const wide = { $or: Array.from({ length: 21 }, (_, i) => ({ [`p${i}`]: i })) };
    assert.deepEqual(problemPaths(wide), ['$or']);
  });
});
