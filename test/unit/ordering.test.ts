import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSON_POINTER, lineKeyOf, pointerTokens, resolvePointer } from '../../src/policy/ordering.js';

describe('FIFO line keys', () => {
  it('accepts JSON pointers and refuses what is not one', () => {
    for (const ok of ['/jobId', '/a/b', '/a~1b', '/m~0n', '/0', '/', '/a/']) assert.match(ok, JSON_POINTER, ok);
    for (const bad of ['', 'jobId', '/a~2', '/a~', 'a/b']) assert.doesNotMatch(bad, JSON_POINTER, bad);
  });

  it('unescapes ~1 before ~0, as RFC 6901 says', () => {
    assert.deepEqual(pointerTokens('/a~1b/m~0n/~01'), ['a/b', 'm~n', '~1']);
  });

  it('resolves own properties and array indexes only', () => {
    const data = { job: { id: 'j-1', steps: [{ n: 4 }] }, 'a/b': 1 };
    assert.equal(resolvePointer(data, '/job/id'), 'j-1');
    assert.equal(resolvePointer(data, '/job/steps/0/n'), 4);
    assert.equal(resolvePointer(data, '/a~1b'), 1);
    assert.equal(resolvePointer(data, '/job/steps/01'), undefined);
    assert.equal(resolvePointer(data, '/job/toString'), undefined);
    assert.equal(resolvePointer(data, '/job/missing/deeper'), undefined);
  });

  it('names a line by the value: strings as they are, anything else as JSON, absent as ""', () => {
    assert.equal(lineKeyOf({ jobId: 'j-7' }, '/jobId'), 'j-7');
    assert.equal(lineKeyOf({ jobId: 7 }, '/jobId'), '7');
    assert.notEqual(lineKeyOf({ jobId: '"7"' }, '/jobId'), lineKeyOf({ jobId: 7 }, '/jobId'));
    assert.equal(lineKeyOf({ jobId: { a: [1] } }, '/jobId'), '{"a":[1]}');
    assert.equal(lineKeyOf({}, '/jobId'), '');
    assert.equal(lineKeyOf({ jobId: 'x' }, null), '');
  });

  it('keeps long values apart by their hash', () => {
    const a = lineKeyOf({ k: 'x'.repeat(500) }, '/k');
    const b = lineKeyOf({ k: 'x'.repeat(499) + 'y' }, '/k');
    assert.match(a, /^sha256:[0-9a-f]{64}$/);
    assert.notEqual(a, b);
  });
});
