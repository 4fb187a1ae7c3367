import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import 'reflect-metadata';
import type { AppError } from '../../src/common/errors.js';
import { FILTER_DEADLINE_MS, FilterJudge, QUEUED_PER_TENANT } from '../../src/events/filter-judge.js';
import { compileFilter, EventFields, explainFilter, filterMatches } from '../../src/policy/event-filter.js';
import { eventCost, FILTER_BUDGET, worstCaseCost } from '../../src/policy/filter-cost.js';
import { filterBudgetProblems } from '../../src/subscriptions/filter-budget.js';

const COSTLY = 'a[ab]{195}[0-9]';
const LIMIT = 256 * 1024;

describe('filter cost', () => {
  it('judges a filter on the worst event: the costliest path times the payload, a pattern counted once per path', () => {
    const one = worstCaseCost({ s: { $regex: COSTLY } }, LIMIT);
    assert.ok(one >= 199 * LIMIT && one <= FILTER_BUDGET.perFilter, `${one}`);
    // The same pattern 3 times on one path runs once; on 3 paths, the paths share the payload.
    assert.equal(worstCaseCost({ $or: [{ s: { $regex: COSTLY } }, { s: { $regex: COSTLY } }] }, LIMIT), one);
    assert.equal(worstCaseCost({ a: { $regex: COSTLY }, b: { $regex: COSTLY } }, LIMIT), one);
    // Two different patterns on one path read the same string twice: over the budget at 256 KiB.
    const two = { $or: [{ s: { $regex: COSTLY } }, { s: { $regex: 'b[ab]{195}[0-9]' } }] };
    assert.ok(worstCaseCost(two, LIMIT) > FILTER_BUDGET.perFilter);
    assert.deepEqual(
      filterBudgetProblems(two, LIMIT).map((p) => p.field),
      ['filter'],
    );
    assert.deepEqual(filterBudgetProblems(two, 64 * 1024), [], 'fits when events are at most 64 KiB');
    assert.ok(worstCaseCost({ a: 1, b: { $in: ['x', 'y'] } }, LIMIT) < 100_000, 'comparisons do not scale with the payload');
  });

  it('counts an event exactly from the lengths it reads, each (path, pattern) once across filters', () => {
    const fields = new EventFields({ s: 'a'.repeat(1000), n: 5 });
    const tested = new Set<string>();
    const first = eventCost({ s: { $regex: COSTLY }, n: { $gt: 1 } }, fields, 'job.created', tested);
    assert.ok(first >= 199 * 1000 && first < 199 * 1000 + 100, `${first}`);
    assert.ok(eventCost({ s: { $regex: COSTLY } }, fields, 'job.created', tested) < 10, 'the pattern already ran for this event');
  });

  it('runs a pattern once per path and event, and quotes at most 100 characters of a value', () => {
    const subject = { fields: new EventFields({ s: 'a'.repeat(5000) }), patterns: new Map<string, boolean>() };
    assert.equal(filterMatches(compileFilter({ s: { $regex: '^a+$' } }), subject), true);
    assert.equal(subject.patterns.size, 1);
    const { reason } = explainFilter(compileFilter({ s: { $regex: '^a' } }), subject);
    assert.equal(reason, `s is "${'a'.repeat(100)}..." (5000 characters), matching /^a/`);
    const big = explainFilter(compileFilter({ o: 1 }), { fields: new EventFields({ o: { list: Array(1000).fill(1) } }) });
    assert.ok(big.reason.length < 200, big.reason);
  });
});

describe('filter judge', () => {
  const judge = new FilterJudge();
  after(() => judge.onApplicationShutdown());
  const large = { s: 'a'.repeat(262_136) };
  const filters = [{ s: { $regex: COSTLY } }, { $or: [{ s: { $regex: COSTLY } }, { s: { $regex: '^a' } }] }, null];

  it('judges a costly event on a worker thread with the same verdicts as in the event loop', async () => {
    assert.deepEqual(await judge.matches('ten_unit', filters, 'job.created', large), [false, true, true]);
    const verdict = await judge.explain('ten_unit', filters[1], 'job.created', large);
    assert.equal(verdict.matches, true);
    assert.match(verdict.reason, /^s is "a{100}\.\.\." \(262136 characters\), matching \/\^a\/$/);
  });

  it('stops a worker past its deadline and answers 503, never a verdict it did not reach', async () => {
    judge.deadlineMs = 1;
    try {
      await assert.rejects(judge.matches('ten_unit', filters, 'job.created', large), (err: AppError) => err.status === 503);
    } finally {
      judge.deadlineMs = FILTER_DEADLINE_MS;
    }
    assert.deepEqual(await judge.matches('ten_unit', filters, 'job.created', large), [false, true, true], 'a new worker takes over');
  });

  it('gives a tenant one worker task at a time: its flood queues (429 past the queue) while another tenant goes on', async () => {
    // Both threads up first (a thread starting takes longer than a judgement here).
    await Promise.all(['ten_w1', 'ten_w2', 'ten_w3'].map((t) => judge.matches(t, filters, 'job.created', large)));
    let floodDone = 0;
    const flood = Array.from({ length: QUEUED_PER_TENANT + 4 }, () =>
      judge.matches('ten_flood', filters, 'job.created', large).then(
        () => (floodDone++, 'ok'),
        (err: AppError) => err.status,
      ),
    );
    assert.deepEqual(await judge.matches('ten_calm', filters, 'job.created', large), [false, true, true]);
    assert.ok(floodDone <= 4, `the other tenant waited for ${floodDone} of the flood's judgements`);
    const results = await Promise.all(flood);
    assert.equal(results.filter((r) => r === 'ok').length, QUEUED_PER_TENANT);
    assert.equal(results.filter((r) => r === 429).length, 4);
  });
});
