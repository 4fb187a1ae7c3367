import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Parser } from '@asyncapi/parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createEventType } from '../helpers/factories.js';
import { startService, type ApiResponse, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-tests';
const EVIL = '^(a+)+$';
const fieldsOf = (res: ApiResponse): string[] => (res.body?.errors ?? []).map((e: { field: string }) => e.field);

describe('event type schemas: linear-time patterns, isolated per tenant, bounded in size', () => {
  let svc: TestService;
  let otherKey = '';

  before(async () => {
    svc = await startService('schemas', { ADMIN_API_KEY: ADMIN });
    otherKey = (await svc.api('POST', '/v1/tenants', { name: 'other' }, { key: ADMIN })).body.apiKey;
  });
  after(async () => svc?.close());

  /**
   * Sends `makeData('a' * n + '!')` for growing n and requires each answer within a second. The service runs in
   * this process, so a backtracking engine would stall the test's own timers: growing n step by step makes such
   * an engine fail the assertion after a few seconds (each step doubles its time) instead of hanging for hours.
   */
  async function refusedQuickly(type: string, makeData: (value: string) => Record<string, unknown>, field: string) {
    for (let n = 10; n <= 40; n += 2) {
      const value = 'a'.repeat(n) + '!';
      const started = Date.now();
      const res = await svc.api('POST', '/v1/events', { type, data: makeData(value) }, { signal: AbortSignal.timeout(2000) });
      const ms = Date.now() - started;
      assert.ok(ms < 1000, `${type}: ${n} 'a' and '!' took ${ms} ms to answer`);
      assert.equal(res.status, 422, `${type} with ${n} 'a': ${JSON.stringify(res.body)}`);
      assert.ok(fieldsOf(res).includes(field), `${type}: ${JSON.stringify(res.body)}`);
    }
    // A batch of the worst case is still quick: the engine's time grows with the input, not with its choices.
    const started = Date.now();
    const batch = Array.from({ length: 50 }, () => ({ type, data: makeData('a'.repeat(40) + '!') }));
    const res = await svc.api('POST', '/v1/events/batch', { events: batch }, { signal: AbortSignal.timeout(2000) });
    assert.equal(res.status, 422);
    assert.ok(Date.now() - started < 2000, `a batch of 50 took ${Date.now() - started} ms`);
  }

  it('matches `pattern` in linear time: ^(a+)+$ accepts and refuses correctly, 40 a and ! answered at once', async () => {
    await createEventType(svc, 'evil.pattern', { schema: { type: 'object', properties: { name: { type: 'string', pattern: EVIL } } } });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'evil.pattern', data: { name: 'aaaa' } })).status, 202);
    const bad = await svc.api('POST', '/v1/events', { type: 'evil.pattern', data: { name: 'aab' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(fieldsOf(bad), ['data.name']);
    await refusedQuickly('evil.pattern', (v) => ({ name: v }), 'data.name');
  });

  it('matches `patternProperties` and `propertyNames` patterns in linear time too', async () => {
    await createEventType(svc, 'evil.keys', {
      schema: { type: 'object', patternProperties: { [EVIL]: { type: 'integer' } }, additionalProperties: false },
    });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'evil.keys', data: { aaa: 1 } })).status, 202);
    assert.equal(
      (await svc.api('POST', '/v1/events', { type: 'evil.keys', data: { aaa: 'x' } })).status,
      422,
      'the pattern applies its subschema',
    );
    await refusedQuickly('evil.keys', (v) => ({ [v]: 1 }), 'data');

    await createEventType(svc, 'evil.names', {
      schema: { type: 'object', properties: { inner: { type: 'object', propertyNames: { pattern: EVIL } } } },
    });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'evil.names', data: { inner: { aa: 1 } } })).status, 202);
    await refusedQuickly('evil.names', (v) => ({ inner: { [v]: 1 } }), 'data.inner');
  });

  it('refuses patterns the linear engine cannot run (lookaround, backreferences) with 422 naming where they are', async () => {
    const created = await svc.api('POST', '/v1/event-types', {
      name: 'bad.patterns',
      schema: {
        type: 'object',
        properties: { a: { type: 'string', pattern: '^(?=x)x$' }, b: { type: 'array', items: { type: 'string', pattern: '(a)\\1' } } },
        patternProperties: { '(?<!a)b': true },
      },
    });
    assert.equal(created.status, 422, JSON.stringify(created.body));
    assert.deepEqual(fieldsOf(created).sort(), [
      'schema.patternProperties.(?<!a)b',
      'schema.properties.a.pattern',
      'schema.properties.b.items.pattern',
    ]);
    assert.equal((await svc.api('GET', '/v1/event-types/bad.patterns')).status, 404, 'nothing created');

    await createEventType(svc, 'later.bad', { schema: { type: 'object' } });
    const patched = await svc.api('PATCH', '/v1/event-types/later.bad', {
      schema: { type: 'object', propertyNames: { pattern: '(?!x)' } },
    });
    assert.equal(patched.status, 422);
    assert.deepEqual(fieldsOf(patched), ['schema.propertyNames.pattern']);
    // JavaScript spellings that have an RE2 equivalent keep working.
    await createEventType(svc, 'js.spelling', { schema: { type: 'object', properties: { e: { type: 'string', pattern: '^\\u00e9+$' } } } });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'js.spelling', data: { e: 'éé' } })).status, 202);
    assert.equal((await svc.api('POST', '/v1/events', { type: 'js.spelling', data: { e: 'e' } })).status, 422);
  });

  it('compiles each schema on its own: the same $id in two types and two tenants, never a 500, a $ref to another tenant refused', async () => {
    const id = 'https://schemas.example.com/order';
    const schema = { $id: id, type: 'object', required: ['secretFieldOfA'], properties: { secretFieldOfA: { type: 'string' } } };
    await createEventType(svc, 'order.created', { schema });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'order.created', data: { secretFieldOfA: 'x' } })).status, 202);
    assert.equal((await svc.api('POST', '/v1/events', { type: 'order.created', data: {} })).status, 422);
    const again = await svc.api('POST', '/v1/event-types', { name: 'order.updated', schema });
    assert.equal(again.status, 201, `the same $id in another type of the tenant: ${JSON.stringify(again.body)}`);
    for (let i = 0; i < 3; i++) {
      assert.equal((await svc.api('PATCH', '/v1/event-types/order.created', { schema: { ...schema, description: `v${i}` } })).status, 200);
      assert.equal((await svc.api('POST', '/v1/events', { type: 'order.created', data: { secretFieldOfA: 'x' } })).status, 202);
      assert.equal((await svc.api('POST', '/v1/events', { type: 'order.updated', data: {} })).status, 422);
    }

    const squat = await svc.api(
      'POST',
      '/v1/event-types',
      { name: 'order.created', schema: { $id: id, type: 'object', required: ['b'] } },
      { key: otherKey },
    );
    assert.equal(squat.status, 201, `another tenant may use the same $id: ${JSON.stringify(squat.body)}`);
    const ofB = await svc.api('POST', '/v1/events', { type: 'order.created', data: {} }, { key: otherKey });
    assert.equal(ofB.status, 422);
    assert.deepEqual(ofB.body.errors, [{ field: 'data', message: "must have required property 'b'" }], 'B is judged by its own schema');
    assert.equal(
      (await svc.api('POST', '/v1/events', { type: 'order.created', data: { secretFieldOfA: 'x' } })).status,
      202,
      'A still by its own',
    );

    for (const ref of [id, `${id}#/properties/secretFieldOfA`]) {
      const reader = await svc.api(
        'POST',
        '/v1/event-types',
        { name: 'order.peek', schema: { type: 'object', properties: { o: { $ref: ref } } } },
        { key: otherKey },
      );
      assert.equal(reader.status, 422, `a $ref to another tenant's $id: ${JSON.stringify(reader.body)}`);
      assert.deepEqual(fieldsOf(reader), ['schema']);
      assert.doesNotMatch(JSON.stringify(reader.body.errors), /required|must have/, "nothing of A's schema leaks");
    }
    // A $ref inside one's own schema resolves as before.
    await createEventType(svc, 'order.local', {
      schema: { $id: id, $defs: { money: { type: 'integer' } }, type: 'object', properties: { amount: { $ref: '#/$defs/money' } } },
    });
    assert.equal((await svc.api('POST', '/v1/events', { type: 'order.local', data: { amount: 'x' } })).status, 422);
  });

  it('refuses schemas over the size, depth or subschema limits with 422 naming `schema`', async () => {
    const big = { type: 'object', description: 'x'.repeat(70 * 1024) };
    let nested: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) nested = { type: 'object', properties: { a: nested } };
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p${i}`, { type: 'integer' }])) };
    for (const [what, schema] of [
      ['over 64 KiB', big],
      ['40 levels deep', nested],
      ['600 subschemas', wide],
    ] as const) {
      const res = await svc.api('POST', '/v1/event-types', { name: 'too.much', schema });
      assert.equal(res.status, 422, `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      assert.deepEqual(fieldsOf(res), ['schema'], what);
      await createEventType(svc, 'small.one', { schema: { type: 'object' } }).catch(() => undefined);
      const patched = await svc.api('PATCH', '/v1/event-types/small.one', { schema });
      assert.equal(patched.status, 422, `${what} by PATCH`);
    }
  });

  it('hands the catalog out as AsyncAPI 3.0: one message per live type, its schema as data in the envelope; @asyncapi/parser validates it', async () => {
    const key = (await svc.api('POST', '/v1/tenants', { name: 'Catalog Co' }, { key: ADMIN })).body.apiKey;
    const as = { key };
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['invoiceId', 'amount'],
      properties: { invoiceId: { $ref: '#/$defs/id' }, amount: { type: 'integer', minimum: 0 } },
      $defs: { id: { type: 'string', pattern: '^inv_' } },
    };
    const made = [
      await svc.api('POST', '/v1/event-types', { name: 'invoice.paid', description: 'An invoice was paid in full.', schema }, as),
      await svc.api('POST', '/v1/event-types', { name: 'invoice.note' }, as),
      await svc.api('POST', '/v1/event-types', { name: 'invoice.old', description: 'Gone' }, as),
    ];
    assert.deepEqual(
      made.map((r) => r.status),
      [201, 201, 201],
    );
    assert.equal((await svc.api('DELETE', '/v1/event-types/invoice.old', undefined, as)).status, 204);

    const res = await svc.api('GET', '/v1/catalog/asyncapi', undefined, as);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.asyncapi, '3.0.0');
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(res.body));
    const errors = diagnostics.filter((d) => Number(d.severity) === 0); // DiagnosticSeverity.Error (hints: 3.1 exists)
    assert.deepEqual(errors, [], 'no validation errors');
    assert.ok(document, 'parsed');

    const names = document
      .messages()
      .all()
      .map((m) => m.name())
      .sort();
    assert.deepEqual(names, [
      'delivery.exhausted',
      'invoice.note',
      'invoice.paid',
      'subscription.certificate_expiring',
      'subscription.disabled',
      'webhook.ping',
      'webhook.test',
    ]);
    assert.ok(!JSON.stringify(res.body).includes('order.created'), "another tenant's types stay out");
    const [receive] = document.operations().all();
    assert.equal(document.operations().all().length, 1);
    assert.equal(receive.id(), 'receive');
    assert.ok(receive.isReceive());
    assert.deepEqual(
      receive
        .channels()
        .all()
        .map((c) => c.id()),
      ['webhook'],
    );
    assert.equal(receive.messages().all().length, names.length);

    const paid = document
      .messages()
      .all()
      .find((m) => m.name() === 'invoice.paid')!;
    assert.equal(paid.summary(), 'An invoice was paid in full.');
    assert.ok(paid.hasDescription());
    const headers = paid.headers()!.json<{ properties: Record<string, { const?: string }>; required: string[] }>();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'webhook-event-type', 'webhook-attempt']) {
      assert.ok(headers.properties[name], `header ${name}`);
    }
    assert.equal(headers.properties['webhook-event-type'].const, 'invoice.paid');

    // The dereferenced payload is the envelope with the type's schema as `data`: a real envelope passes, bad data fails.
    const envelope = paid.payload()!.json();
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(envelope);
    const good = { id: 'evt_1', type: 'invoice.paid', timestamp: new Date().toISOString(), data: { invoiceId: 'inv_1', amount: 5 } };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.ok(!validate({ ...good, data: { invoiceId: 'x_1', amount: 5 } }), 'the $ref into $defs still applies');
    assert.ok(!validate({ ...good, data: { invoiceId: 'inv_1' } }));

    const readOnly = (await svc.api('POST', '/v1/api-keys', { scopes: ['read'] }, as)).body.apiKey;
    assert.equal((await svc.api('GET', '/v1/catalog/asyncapi', undefined, { key: readOnly })).status, 200, 'scope read is enough');
    const ingestOnly = (await svc.api('POST', '/v1/api-keys', { scopes: ['ingest'] }, as)).body.apiKey;
    assert.equal((await svc.api('GET', '/v1/catalog/asyncapi', undefined, { key: ingestOnly })).status, 403);
  });
});
