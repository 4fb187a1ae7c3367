import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EACH, findValueSpans, JsonScanError, type PathPattern } from '../../src/policy/json-spans.js';

/** The exact texts found at `pattern`. */
const texts = (text: string, pattern: PathPattern) => findValueSpans(text, pattern).map((s) => text.slice(s.start, s.end));

describe('JSON value spans (the exact text of event data in a request body)', () => {
  it('finds the data member of an event body, its text untouched', () => {
    const data = '{"zeta":1,"alpha":12345678901234567890,"price":1.50,"big":1e400,"neg":-0.0}';
    assert.deepEqual(texts(`{"type":"job.created","data":${data}}`, ['data']), [data]);
  });

  it('keeps whitespace inside the value and drops what surrounds it', () => {
    const data = '{ "a" : [ 1 ,\n\t2 ] ,\r\n "b" : { } }';
    assert.deepEqual(texts(` \n{ "data" :  ${data}  , "type": "t" }\n `, ['data']), [data]);
  });

  it('reads through strings holding quotes, backslashes, braces and escapes of every kind', () => {
    const tricky = String.raw`"a \"quoted\" }{][ \\ \/ \b\f\n\r\t \u00e9 \uD83D\uDE00 \u0000"`;
    const data = `{"s":${tricky},"t":"\\\\"}`;
    const body = `{"before":${tricky},"data":${data},"after":"\\"data\\":1"}`;
    assert.deepEqual(texts(body, ['data']), [data]);
  });

  it('keeps characters beyond ASCII as they are (the span is in the decoded text)', () => {
    const data = '{"name":"Zoë 東京 🚀","emoji":"\\ud83d\\ude80"}';
    const body = `{"type":"🚀","data":${data}}`;
    assert.deepEqual(texts(body, ['data']), [data]);
    assert.equal(Buffer.from(texts(body, ['data'])[0]).toString('utf8'), data);
  });

  it('compares keys by their decoded value, as JSON.parse does', () => {
    assert.deepEqual(texts('{"d\\u0061ta":{"x":1}}', ['data']), ['{"x":1}']);
    assert.deepEqual(texts('{"data ":{"x":1}}', ['data']), []);
  });

  it('takes the last of a repeated key, the member JSON.parse keeps', () => {
    const body = '{"data":{"first":1},"type":"t","data":{"last":2}}';
    assert.deepEqual(texts(body, ['data']), ['{"last":2}']);
    assert.deepEqual(JSON.parse(body).data, { last: 2 });
    // A repeated array: only the entries of the last one are found.
    const batch = '{"events":[{"data":{"a":1}}],"events":[{"data":{"b":2}},{"data":{"c":3}}]}';
    assert.deepEqual(texts(batch, ['events', EACH, 'data']), ['{"b":2}', '{"c":3}']);
  });

  it('finds each entry of a batch, with its index', () => {
    const body = '{"events":[ {"type":"a","data":{"n":1}} , {"data":[]}, 7, {"type":"c"}, {"data" : {"n":"3"} } ]}';
    const spans = findValueSpans(body, ['events', EACH, 'data']);
    assert.deepEqual(
      spans.map((s) => s.path),
      [
        ['events', 0, 'data'],
        ['events', 1, 'data'],
        ['events', 4, 'data'],
      ],
    );
    assert.deepEqual(
      spans.map((s) => body.slice(s.start, s.end)),
      ['{"n":1}', '[]', '{"n":"3"}'],
    );
  });

  it('does not look for the member inside other members, nor deeper than the pattern', () => {
    assert.deepEqual(texts('{"meta":{"data":1},"x":[{"data":2}]}', ['data']), []);
    assert.deepEqual(texts('{"data":{"data":{"data":1}}}', ['data']), ['{"data":{"data":1}}']);
    assert.deepEqual(texts('[{"data":1}]', ['data']), []);
    assert.deepEqual(texts('{"events":{"0":{"data":1}}}', ['events', EACH, 'data']), []);
  });

  it('finds scalars and the whole text with an empty pattern', () => {
    assert.deepEqual(texts('{"data":-0.0e+0}', ['data']), ['-0.0e+0']);
    assert.deepEqual(texts('{"data":null}', ['data']), ['null']);
    assert.deepEqual(texts('  {"a":1}\n', []), ['{"a":1}']);
  });

  it('agrees with JSON.parse on what is JSON', () => {
    const valid = ['0', '-0', '1.5e-3', '1E+2', '[]', '{}', '[[],{}]', '"\\u20AC"', 'true', 'false', 'null', ' [1 , 2] '];
    for (const text of valid) {
      JSON.parse(text);
      assert.doesNotThrow(() => findValueSpans(text, []), text);
    }
    const invalid = [
      '',
      ' ',
      '01',
      '-',
      '1.',
      '.5',
      '1e',
      '+1',
      'NaN',
      'Infinity',
      'tru',
      'nul',
      '[1,]',
      '{"a":1,}',
      '{"a" 1}',
      '{a:1}',
      "{'a':1}",
      '[1 2]',
      '{"a":1}}',
      '{"a":1',
      '"abc',
      '"a\\x"',
      '"\\u12G4"',
      '"tab\there"',
      '"line\nbreak"',
      '/* c */ {}',
      '{} x',
      '\u00a0{}',
    ];
    for (const text of invalid) {
      assert.throws(() => JSON.parse(text), SyntaxError, `JSON.parse ${JSON.stringify(text)}`);
      assert.throws(() => findValueSpans(text, ['data']), JsonScanError, JSON.stringify(text));
    }
  });

  it('refuses nesting past its depth without exhausting the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.throws(() => findValueSpans(deep, []), /nests more than 512 levels/);
    assert.doesNotThrow(() => findValueSpans('['.repeat(512) + ']'.repeat(512), []));
  });

  it('reads a large body in linear time', () => {
    const event = (i: number) => `{"type":"t","data":{"i":${i},"s":"${'x\\"'.repeat(100)}","a":[${'1,'.repeat(100)}1]}}`;
    const small = `{"events":[${Array.from({ length: 500 }, (_, i) => event(i)).join(',')}]}`;
    const large = `{"events":[${Array.from({ length: 5000 }, (_, i) => event(i)).join(',')}]}`;
    const time = (text: string) => {
      const started = performance.now();
      for (let i = 0; i < 3; i++) findValueSpans(text, ['events', EACH, 'data']);
      return performance.now() - started;
    };
    time(small);
    const [a, b] = [time(small), time(large)];
    assert.equal(findValueSpans(large, ['events', EACH, 'data']).length, 5000);
    // Ten times the text: about ten times the time (generous bounds for a shared machine).
    assert.ok(b < a * 30, `500 events ${a.toFixed(1)} ms, 5000 events ${b.toFixed(1)} ms`);
  });
});
