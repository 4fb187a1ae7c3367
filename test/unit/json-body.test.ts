import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonBody } from '../../src/common/json-body.js';

const parse = (text: string) => parseJsonBody(Buffer.from(text, 'utf8'));

describe('JSON request bodies: read as body-parser read them under Express', () => {
  it('reads an empty body as {} (bodies whose every field is optional may be left out)', () => {
    assert.deepEqual(parse(''), {});
    assert.deepEqual(parse(' \n'), {});
  });

  it('refuses a bare value and malformed JSON with a 400', () => {
    for (const text of ['"text"', '42', 'null', '{"a":', '{"a":1}x']) {
      const result = parse(text);
      assert.ok(result instanceof Error, text);
      assert.equal((result as Error & { status: number }).status, 400, text);
    }
  });

  it('keeps __proto__ and constructor keys as data', () => {
    const body = parse('{"__proto__":{"x":1},"constructor":{"prototype":{}}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(body), Object.prototype);
  });
});
