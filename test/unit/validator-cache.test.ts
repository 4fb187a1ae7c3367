import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetValidator, payloadErrors, validatorKey } from '../../src/event-types/payload-schema.js';
import { FairValidatorCache, ValidatorCache } from '../../src/policy/validator-cache.js';

describe('validator cache', () => {
  it('holds one validator per type however often its schema changes, and rebuilds only on a new version', () => {
    const cache = new ValidatorCache<string>(10);
    let builds = 0;
    const build = (v: string) => () => `${v}#${++builds}`;
    for (let i = 0; i < 150; i++) assert.equal(cache.get('ten_a:job.created', `v${i}`, build(`v${i}`)), `v${i}#${i + 1}`);
    assert.equal(cache.size, 1, 'each PATCH replaced the one before');
    assert.equal(cache.get('ten_a:job.created', 'v149', build('again')), 'v149#150', 'the same version is not rebuilt');
    assert.equal(builds, 150);
  });

  it('is bounded: the least recently used type goes first', () => {
    const cache = new ValidatorCache<number>(3);
    for (const key of ['a', 'b', 'c']) cache.get(key, '1', () => 1);
    cache.get('a', '1', () => 2); // a used again: b is now the oldest
    cache.get('d', '1', () => 1);
    assert.equal(cache.size, 3);
    let rebuilt = false;
    cache.get('b', '1', () => ((rebuilt = true), 1));
    assert.ok(rebuilt, 'b was dropped');
    assert.equal(
      cache.get('a', '1', () => 99),
      1,
      'a was kept',
    );
  });

  it('drops a key on demand', () => {
    const cache = new ValidatorCache<number>(3);
    cache.get('a', '1', () => 1);
    cache.drop('a');
    assert.equal(cache.size, 0);
  });

  it('payloadErrors: a changed schema takes effect at once, and a forgotten one is compiled again', () => {
    const key = validatorKey('ten_unit', 'job.created');
    const v1 = { type: 'object', required: ['a'] };
    const v2 = { type: 'object', required: ['b'] };
    assert.deepEqual(payloadErrors(key, 'h1', v1, { a: 1 }), []);
    assert.deepEqual(payloadErrors(key, 'h2', v2, { a: 1 }), [{ field: 'data', message: "must have required property 'b'" }]);
    forgetValidator(key);
    assert.deepEqual(payloadErrors(key, 'h2', v2, { b: 1 }), []);
  });

  it('payloadErrors: a stored schema that today refuses (a lookahead) answers a 422 naming `type`, never throws', () => {
    const errors = payloadErrors(validatorKey('ten_unit', 'old.type'), 'h', { type: 'string', pattern: '^(?=a)' }, 'a');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, 'type');
    assert.match(errors[0].message, /schema\.pattern/);
  });

  it("is fair per tenant: one tenant's 600 keys evict only its own, never another tenant's", () => {
    const cache = new FairValidatorCache<string>(100, 500, (key) => key.split(':')[0]);
    const builds = new Map<string, number>();
    const build = (key: string) => () => (builds.set(key, (builds.get(key) ?? 0) + 1), key);
    for (let i = 0; i < 50; i++) cache.get(`ten_b:t${i}`, '1', build(`ten_b:t${i}`));
    for (let round = 0; round < 2; round++) for (let i = 0; i < 600; i++) cache.get(`ten_a:t${i}`, '1', build(`ten_a:t${i}`));
    for (let i = 0; i < 50; i++) cache.get(`ten_b:t${i}`, '1', build(`ten_b:t${i}`));
    assert.equal(
      [...builds].filter(([k, n]) => k.startsWith('ten_b') && n > 1).length,
      0,
      "tenant b's validators were evicted by tenant a",
    );
    assert.equal(builds.get('ten_a:t0'), 2, 'past its share, tenant a recompiles its own');
    assert.ok(cache.size <= 150, `holds ${cache.size}`);
  });

  it('is bounded in all: past the total, the tenant holding the most gives up its oldest', () => {
    const cache = new FairValidatorCache<number>(3, 5, (key) => key.split(':')[0]);
    for (const key of ['a:1', 'a:2', 'a:3', 'b:1', 'b:2', 'c:1']) cache.get(key, '1', () => 1);
    assert.equal(cache.size, 5);
    let rebuilt = '';
    for (const key of ['b:1', 'b:2', 'c:1', 'a:2', 'a:3', 'a:1']) cache.get(key, '1', () => ((rebuilt += key), 1));
    assert.equal(rebuilt, 'a:1', "a (the largest) lost its oldest; b's and c's stayed");
  });

  it("payloadErrors: one tenant's 520 schemas do not evict another tenant's validator", () => {
    const other = validatorKey('ten_fair_b', 'job.created');
    // The same version with another schema: a cached validator answers with the first schema, a recompiled one not.
    assert.deepEqual(payloadErrors(other, 'h', { type: 'object', required: ['a'] }, {}), [
      { field: 'data', message: "must have required property 'a'" },
    ]);
    for (let i = 0; i < 520; i++) payloadErrors(validatorKey('ten_fair_a', `type.${i}`), 'h', { type: 'object', maxProperties: i }, {});
    assert.deepEqual(
      payloadErrors(other, 'h', { type: 'object' }, {}),
      [{ field: 'data', message: "must have required property 'a'" }],
      "tenant b's validator was evicted and compiled again",
    );
  });
});
