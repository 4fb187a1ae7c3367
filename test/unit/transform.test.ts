import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTransform, TRANSFORM_LIMITS, transformCompileError, transformInput } from '../../src/policy/transform.js';

const event = {
  id: 'evt_1',
  type: 'pay.made',
  occurredAt: new Date('2026-12-01T10:00:00.000Z'),
  dataText: '{"amount":42,"who":{"name":"Ada"}}',
};

describe('transforms (JSONata, bounded)', () => {
  it('names the position of a compile error', () => {
    assert.equal(transformCompileError('{ "a": data.amount }'), null);
    assert.match(transformCompileError('{ "a": data.amount ')!, /at position \d+/);
  });

  it('sees the envelope, or the data for raw, and gives the body', async () => {
    assert.deepEqual(transformInput('envelope', event), {
      id: 'evt_1',
      type: 'pay.made',
      timestamp: '2026-12-01T10:00:00.000Z',
      data: { amount: 42, who: { name: 'Ada' } },
    });
    assert.deepEqual(await runTransform('{ "kind": type, "cents": data.amount * 100 }', transformInput('envelope', event)), {
      body: '{"kind":"pay.made","cents":4200}',
    });
    assert.deepEqual(await runTransform('{ "name": who.name }', transformInput('raw', event)), { body: '{"name":"Ada"}' });
  });

  it('fails a result that is not an object, a thrown error, a runaway loop and an oversized body', async () => {
    assert.deepEqual(await runTransform('data.amount', transformInput('envelope', event)), {
      error: 'the transform must give a JSON object; it gave number',
    });
    assert.deepEqual(await runTransform('nothing.here', transformInput('envelope', event)), {
      error: 'the transform must give a JSON object; it gave nothing',
    });
    const thrown = await runTransform('$error("no amount")', {});
    assert.ok('error' in thrown && thrown.error.includes('no amount'), JSON.stringify(thrown));

    const started = performance.now();
    const loop = await runTransform('( $f := function($n) { $n > 0 ? $f($n - 1) + $f($n - 1) : 0 }; { "x": $f(40) } )', {});
    const took = performance.now() - started;
    assert.ok('error' in loop && /D1011|D1012/.test(loop.error), JSON.stringify(loop));
    assert.ok(took < 1000, `stopped after ${Math.round(took)} ms`);

    const big = await runTransform('{ "x": $pad("", 300000, "x") }', {});
    assert.ok('error' in big && big.error.includes(`at most ${TRANSFORM_LIMITS.outputBytes}`), JSON.stringify(big));
  });
});
