import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
