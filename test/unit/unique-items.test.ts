import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { payloadErrors } from '../../src/event-types/payload-schema.js';

describe('uniqueItems in event type schemas', () => {
  const schema = { type: 'object', properties: { a: { type: 'array', uniqueItems: true } } };
  const check = (a: unknown[]) => payloadErrors('ten_unit\u0000unique', 'v1', schema, { a });

  it('judges equality as JSON Schema does: key order does not matter, types do', () => {
    assert.deepEqual(
      check([
        { x: 1, y: [2] },
        { y: [2], x: 1 },
      ]),
      [{ field: 'data.a', message: 'must NOT have duplicate items' }],
    );
    assert.deepEqual(check([1, '1', [1], { 1: 1 }, null, true, 0]), []);
    assert.equal(check([0, -0]).length, 1, '0 and -0 are the same number');
  });

  it('takes linear time: 30,000 distinct arrays within the payload limit are checked at once (pairwise took ~6 s)', () => {
    const a = Array.from({ length: 30_000 }, (_, i) => [i]);
    const started = performance.now();
    assert.deepEqual(check(a), []);
    assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  });
});
