import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription } from '../helpers/factories.js';
import { startService, type TestService } from '../helpers/service.js';

/** `levels` nested objects: `{"a":{"a":...{}}}`, as text (a recursive JSON.stringify could overflow). */
const nestedObjects = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
const nestedArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const json = { 'content-type': 'application/json' };

interface BadCase {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  key?: string | null;
  status: number;
  /** Fields the problem must name. */
  fields?: string[];
}

describe('bad input: a clean 4xx problem+json naming every bad field, and nothing created', () => {
  let svc: TestService;
  let subId = '';

  before(async () => {
    svc = await startService('bad_input', { PAYLOAD_LIMIT_BYTES: '2048' });
    await createEventType(svc, 'job.created', {
      schema: { type: 'object', required: ['jobId'], properties: { jobId: { type: 'string' }, size: { type: 'integer', minimum: 1 } } },
    });
    subId = (await createSubscription(svc, { url: 'http://127.0.0.1:9/x', events: ['job.created'] })).id;
  });
  after(async () => svc?.close());

  const cases: BadCase[] = [
    { name: 'no API key', method: 'POST', path: '/v1/events', body: { type: 'job.created', data: { jobId: 'a' } }, key: null, status: 401 },
    { name: 'wrong API key', method: 'GET', path: '/v1/subscriptions', key: 'whk_not-a-key', status: 401 },
    {
      name: 'malformed JSON',
      method: 'POST',
      path: '/v1/events',
      raw: '{"type": "job.created", "data": {',
      headers: { 'content-type': 'application/json' },
      status: 400,
    },
    { name: 'event without type and data', method: 'POST', path: '/v1/events', body: {}, status: 422, fields: ['type', 'data'] },
    {
      name: 'event data not an object',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.created', data: [1, 2] },
      status: 422,
      fields: ['data'],
    },
    {
      name: 'event type not in the catalog',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.unknown', data: {} },
      status: 422,
      fields: ['type'],
    },
    {
      name: 'event type badly formed',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'Job Created!', data: {} },
      status: 422,
      fields: ['type'],
    },
    {
      name: 'payload against the type schema',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.created', data: { size: 0 } },
      status: 422,
      fields: ['data', 'data.size'],
    },
    {
      name: 'unknown field in an event',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.created', data: { jobId: 'a' }, extra: 1 },
      status: 422,
      fields: ['extra'],
    },
    {
      name: 'occurredAt not a date',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.created', data: { jobId: 'a' }, occurredAt: 'yesterday' },
      status: 422,
      fields: ['occurredAt'],
    },
    {
      name: 'payload over the limit',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'job.created', data: { jobId: 'x'.repeat(4000) } },
      status: 413,
      fields: ['data'],
    },
    {
      name: 'operational type sent by a client',
      method: 'POST',
      path: '/v1/events',
      body: { type: 'delivery.exhausted', data: {} },
      status: 422,
      fields: ['type'],
    },
    {
      name: 'batch with bad entries',
      method: 'POST',
      path: '/v1/events/batch',
      body: { events: [{ type: 'job.created', data: { jobId: 'ok' } }, { type: 'job.created' }, { data: {} }] },
      status: 422,
      fields: ['events.1.data', 'events.2.type'],
    },
    { name: 'empty batch', method: 'POST', path: '/v1/events/batch', body: { events: [] }, status: 422, fields: ['events'] },
    {
      name: 'batch over 500',
      method: 'POST',
      path: '/v1/events/batch',
      body: { events: Array(501).fill({ type: 'job.created', data: { jobId: 'a' } }) },
      status: 422,
      fields: ['events'],
    },
    {
      name: 'subscription with every field wrong',
      method: 'POST',
      path: '/v1/subscriptions',
      body: { url: 'ftp://x', events: [], timeoutMs: 5, retrySchedule: [-1], payloadFormat: 'xml', signature: { scheme: 'md5' } },
      status: 422,
      fields: ['url', 'events', 'timeoutMs', 'retrySchedule.0', 'payloadFormat', 'signature.scheme'],
    },
    {
      name: 'subscription to an unknown exact type',
      method: 'POST',
      path: '/v1/subscriptions',
      body: { url: 'http://127.0.0.1:9/', events: ['job.created', 'nope.nope'] },
      status: 422,
      fields: ['events.1'],
    },
    {
      name: 'subscription with a bad pattern and reserved header',
      method: 'POST',
      path: '/v1/subscriptions',
      body: { url: 'http://127.0.0.1:9/', events: ['job.*.x'], headers: { 'webhook-id': 'x' } },
      status: 422,
      fields: ['events.0', 'headers.webhook-id'],
    },
    {
      name: 'auth of an unknown type',
      method: 'POST',
      path: '/v1/subscriptions',
      body: { url: 'http://127.0.0.1:9/', events: ['*'], auth: { type: 'digest' } },
      status: 422,
      fields: ['auth.type'],
    },
    { name: 'list limit out of range', method: 'GET', path: '/v1/events?limit=0', status: 422, fields: ['limit'] },
    { name: 'list limit too large', method: 'GET', path: '/v1/subscriptions?limit=251', status: 422, fields: ['limit'] },
    { name: 'bad cursor', method: 'GET', path: '/v1/events?cursor=nope', status: 422, fields: ['cursor'] },
    { name: 'unknown subscription', method: 'GET', path: '/v1/subscriptions/sub_doesnotexist', status: 404 },
    { name: 'unknown delivery', method: 'GET', path: '/v1/deliveries/dlv_doesnotexist', status: 404 },
    { name: 'unknown route', method: 'GET', path: '/v1/nothing-here', status: 404 },
    {
      name: 'event type name too long',
      method: 'POST',
      path: '/v1/event-types',
      body: { name: 'a'.repeat(101) },
      status: 422,
      fields: ['name'],
    },
    {
      name: 'event type with an invalid JSON Schema',
      method: 'POST',
      path: '/v1/event-types',
      body: { name: 'job.bad', schema: { type: 'no-such-type' } },
      status: 422,
      fields: ['schema'],
    },
    {
      name: 'NUL character in a body string (found by Schemathesis)',
      method: 'PATCH',
      path: '/v1/event-types/job.created',
      body: { description: 'a\u0000b' },
      status: 422,
      fields: ['description'],
    },
    {
      name: 'unpaired surrogate in a schema key',
      method: 'POST',
      path: '/v1/event-types',
      raw: '{"name":"job.odd","schema":{"\\ud83e":true}}',
      headers: { 'content-type': 'application/json' },
      status: 422,
    },
    {
      name: 'NUL character in a query parameter',
      method: 'GET',
      path: '/v1/subscriptions?event=%F0%9E%BD%AA%00',
      status: 422,
      fields: ['event'],
    },
    { name: 'NUL character in a path id', method: 'GET', path: '/v1/subscriptions/sub_%00', status: 422, fields: ['(path)'] },
    {
      name: 'event data nested 4,500 levels (arrays)',
      method: 'POST',
      path: '/v1/events',
      raw: `{"type":"job.created","data":{"jobId":"a","deep":${nestedArrays(4500)}}}`,
      headers: json,
      status: 422,
      fields: ['data'],
    },
    {
      name: 'event data nested 4,500 levels (objects)',
      method: 'POST',
      path: '/v1/events',
      raw: `{"type":"job.created","data":${nestedObjects(4500)}}`,
      headers: json,
      status: 422,
      fields: ['data'],
    },
    {
      name: 'event data nested 65 levels',
      method: 'POST',
      path: '/v1/events',
      raw: `{"type":"job.created","data":{"jobId":"a","deep":${nestedObjects(64)}}}`,
      headers: json,
      status: 422,
      fields: ['data'],
    },
    {
      name: 'batch event data nested 4,500 levels',
      method: 'POST',
      path: '/v1/events/batch',
      raw: `{"events":[{"type":"job.created","data":{"jobId":"a"}},{"type":"job.created","data":${nestedObjects(4500)}}]}`,
      headers: json,
      status: 422,
      fields: ['events.1.data'],
    },
    {
      name: 'batch event data nested 65 levels',
      method: 'POST',
      path: '/v1/events/batch',
      raw: `{"events":[{"type":"job.created","data":{"jobId":"a","deep":${nestedObjects(64)}}}]}`,
      headers: json,
      status: 422,
      fields: ['events.0.data'],
    },
    {
      name: 'event type schema nested 4,500 levels',
      method: 'POST',
      path: '/v1/event-types',
      raw: `{"name":"job.deep","schema":${nestedObjects(4500)}}`,
      headers: json,
      status: 422,
      fields: ['schema'],
    },
    {
      name: 'a JSON body that is an array nested 100,000 levels',
      method: 'POST',
      path: '/v1/events',
      raw: nestedArrays(100_000),
      headers: json,
      status: 422,
      fields: ['(body)'],
    },
    {
      name: 'subscription filter nested 4,500 levels',
      method: 'POST',
      path: '/v1/subscriptions',
      raw: `{"url":"http://127.0.0.1:9/","events":["job.created"],"filter":{"a":${nestedArrays(4500)}}}`,
      headers: json,
      status: 422,
      fields: ['filter'],
    },
    { name: 'duplicate event type', method: 'POST', path: '/v1/event-types', body: { name: 'job.created' }, status: 409, fields: ['name'] },
  ];

  it(`answers ${cases.length} bad requests cleanly and changes nothing`, async () => {
    const counts = async () =>
      (
        await svc.db.query(`SELECT (SELECT count(*) FROM events)::int AS e, (SELECT count(*) FROM deliveries)::int AS d,
                                  (SELECT count(*) FROM subscriptions)::int AS s, (SELECT count(*) FROM event_types)::int AS t`)
      )[0];
    const before = await counts();
    for (const c of cases) {
      const res = await svc.api(c.method, c.path, c.body, { raw: c.raw, headers: c.headers, key: c.key });
      const label = `${c.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      assert.equal(res.status, c.status, label);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, label);
      assert.equal(res.body.status, c.status, label);
      assert.ok(res.body.type && res.body.title && res.body.detail, label);
      const named = new Set((res.body.errors as { field: string }[]).map((e) => e.field));
      for (const field of c.fields ?? []) assert.ok(named.has(field), `${label}\n  missing field ${field}`);
    }
    assert.deepEqual(await counts(), before);
    assert.ok(subId);
  });

  describe('subscription settings that could never be sent are refused on create and PATCH', () => {
    const target = { url: 'http://127.0.0.1:9/', events: ['job.created'] };
    let withHeaders = '';
    before(async () => {
      withHeaders = (await createSubscription(svc, { ...target, headers: { 'X-Team': 'a', Authorization: 'Custom x' } })).id;
    });

    const badValues = {
      'line separator U+2028': 'a\u2028b',
      'non-ASCII': 'café',
      'vertical tab': 'a\vb',
      'form feed': 'a\fb',
      DEL: 'a\x7fb',
      NUL: 'a\u0000b',
    };
    const hopByHop = [
      'Expect',
      'Upgrade',
      'Keep-Alive',
      'Connection',
      'Transfer-Encoding',
      'Host',
      'Content-Length',
      'TE',
      'Trailer',
      'Proxy-Connection',
    ];
    const badTokens = { CRLF: 't0k\r\nX-Injected: 1', LF: 't0k\nen', 'line separator U+2028': 't0k\u2028en', 'non-ASCII': 'tökén' };
    const badSignatureHeaders = [
      'Authorization',
      'authorization',
      'Proxy-Authorization',
      'webhook-id',
      'User-Agent',
      'Content-Type',
      'Connection',
    ];

    /** Each setting alone in a body, with the field the problem must name. */
    const settings: { name: string; body: Record<string, unknown>; field: string }[] = [
      ...Object.entries(badValues).map(([name, value]) => ({
        name: `header value with ${name}`,
        body: { headers: { 'X-Foo': value } },
        field: 'headers.X-Foo',
      })),
      ...hopByHop.map((name) => ({ name: `header ${name}`, body: { headers: { [name]: 'x' } }, field: `headers.${name}` })),
      ...Object.entries(badTokens).map(([name, token]) => ({
        name: `bearer token with ${name}`,
        body: { auth: { type: 'bearer', token } },
        field: 'auth.token',
      })),
      ...badSignatureHeaders.map((header) => ({
        name: `signature header ${header}`,
        body: { signature: { scheme: 'hmac-sha256', header } },
        field: 'signature.header',
      })),
      {
        name: 'a custom Authorization beside auth',
        body: { headers: { Authorization: 'x' }, auth: { type: 'bearer', token: 't' } },
        field: 'headers.Authorization',
      },
      {
        name: 'a custom header the signature replaces',
        body: { headers: { 'X-Webhook-Signature': 'x' }, signature: { scheme: 'hmac-sha1' } },
        field: 'headers.X-Webhook-Signature',
      },
      {
        name: 'a signature header a custom header holds',
        body: { headers: { 'X-Sig': 'x' }, signature: { scheme: 'hmac-sha256', header: 'x-sig' } },
        field: 'signature.header',
      },
    ];

    /** Sends one setting; answers what went wrong, or null when it was refused naming `field`. */
    const wrongAnswer = async (method: string, path: string, body: Record<string, unknown>, field: string, label: string) => {
      const res = await svc.api(method, path, body);
      const named = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      if (res.status === 422 && named.includes(field)) return null;
      return `${label}: ${res.status}, named ${JSON.stringify(named)}, wanted 422 naming ${field}`;
    };
    const allRefused = async (wrong: (string | null)[]) => {
      const missed = wrong.filter((w) => w !== null);
      assert.deepEqual(missed, [], `${missed.length} accepted or misnamed:\n  ${missed.join('\n  ')}`);
    };
    const subscriptionCount = async () => (await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions`))[0].n as number;
    const stored = async (id: string) => (await svc.api('GET', `/v1/subscriptions/${id}`)).body as Record<string, unknown>;

    it('on create: 422 naming the field, nothing created', async () => {
      const count = await subscriptionCount();
      const wrong = [];
      for (const s of settings)
        wrong.push(await wrongAnswer('POST', '/v1/subscriptions', { ...target, ...s.body }, s.field, `create, ${s.name}`));
      await allRefused(wrong);
      assert.equal(await subscriptionCount(), count);
    });

    it('on PATCH: 422 naming the field, nothing changed', async () => {
      const before = await stored(subId);
      const wrong = [];
      for (const s of settings) wrong.push(await wrongAnswer('PATCH', `/v1/subscriptions/${subId}`, s.body, s.field, `PATCH, ${s.name}`));
      await allRefused(wrong);
      assert.deepEqual(await stored(subId), before);
    });

    it('on PATCH: a collision with what the subscription already has names the changed field', async () => {
      const before = await stored(withHeaders);
      await allRefused([
        await wrongAnswer(
          'PATCH',
          `/v1/subscriptions/${withHeaders}`,
          { auth: { type: 'bearer', token: 't' } },
          'auth',
          'auth over a stored Authorization header',
        ),
        await wrongAnswer(
          'PATCH',
          `/v1/subscriptions/${withHeaders}`,
          { signature: { scheme: 'hmac-sha256', header: 'X-Team' } },
          'signature.header',
          'signature over a stored header',
        ),
      ]);
      assert.deepEqual(await stored(withHeaders), before);
    });

    it('still accepts what can be sent', async () => {
      const ok = await createSubscription(svc, {
        ...target,
        headers: { 'X-Tab': 'a\tb', 'X-Printable': '~!@#$%^&*()_+ {}|:"<>?' },
        auth: { type: 'bearer', token: 'abc.DEF-123_~+/=' },
        signature: { scheme: 'hmac-sha256', header: 'X-Hub-Signature-256' },
      });
      const patched = await svc.api('PATCH', `/v1/subscriptions/${ok.id}`, { headers: { Authorization: 'Custom y' }, auth: null });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
    });
  });

  it('accepts event data nested exactly 64 levels', async () => {
    await createEventType(svc, 'deep.enough');
    const res = await svc.api('POST', '/v1/events', undefined, {
      raw: `{"type":"deep.enough","data":${nestedObjects(64)}}`,
      headers: json,
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
  });
});
