import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RawJson, stringifyWithRawJson } from '../../src/policy/raw-json.js';
import { buildPayload } from '../../src/policy/payload.js';

const dataText = '{"zeta":1,"alpha":12345678901234567890,"price":1.50,"big":1e400,"neg":-0.0, "s":"\\u00e9\u00e9"}';
const event = { id: 'evt_1', type: 'order.placed', occurredAt: new Date('2026-12-06T10:00:00.000Z'), dataText };

describe('payload formats around the exact data text', () => {
  it('writes the envelope around the data, not a serialisation of it', () => {
    const { body, contentType } = buildPayload('envelope', event, 'acme');
    assert.equal(body, `{"id":"evt_1","type":"order.placed","timestamp":"2026-12-06T10:00:00.000Z","data":${dataText}}`);
    assert.equal(contentType, 'application/json');
  });

  it('sends the data itself as the raw body, and as the form field', () => {
    assert.equal(buildPayload('raw', event, 'acme').body, dataText);
    const form = new URLSearchParams(buildPayload('form', event, 'acme').body);
    assert.equal(form.get('data'), dataText);
    assert.equal(form.get('account'), 'acme');
  });
});

describe('JSON with raw parts spliced in', () => {
  it('writes each raw part as it is, wherever it sits', () => {
    const value = { a: new RawJson('1.50'), list: [new RawJson('{ "x" : 1 }'), 2], nested: { b: new RawJson('-0.0') }, c: null };
    assert.equal(stringifyWithRawJson(value), '{"a":1.50,"list":[{ "x" : 1 },2],"nested":{"b":-0.0},"c":null}');
  });

  it('leaves other strings alone, whatever they look like, and raw text that looks like a placeholder', () => {
    const value = { s: '"$1 $& :0"', t: new RawJson('"$1 $& :0"'), u: new RawJson('"x"') };
    assert.equal(stringifyWithRawJson(value), '{"s":"\\"$1 $& :0\\"","t":"$1 $& :0","u":"x"}');
  });

  it('is JSON.stringify when nothing is raw', () => {
    const value = { a: [1, 'two', { three: true }] };
    assert.equal(stringifyWithRawJson(value), JSON.stringify(value));
  });
});
