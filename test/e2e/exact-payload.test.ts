import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createEventType, createSubscription, eventually } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/**
 * Data that JSON.parse + JSON.stringify (or jsonb) would change: key order, a 64-bit id, number spellings, a
 * number beyond a double, negative zero, escapes, characters beyond ASCII, whitespace inside the value.
 */
const DATA = [
  '{"zeta":1,"alpha":12345678901234567890,"price":1.50,"big":1e400,"neg":-0.0,',
  '  "text" : "caf\\u00e9 \\ud83d\\ude00 Zo\u00eb \u6771\u4eac \ud83d\ude80 \\"q\\" \\\\ \\/",',
  '\t"nested": { "b" : [1 , 2.0e0, {"z":null,"a":true}], "a":{} }',
  '}',
].join('\n');

type Accepted = { id: string; occurredAt: string; deliveries: { id: string; subscriptionId: string }[] };

describe('exact payloads: data reaches receivers byte for byte as it was sent', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let envelopeSub: { id: string; secret: string };
  let rawSub: { id: string; secret: string };

  const toSub = (id: string) => (r: ReceivedRequest) => r.path === `/${id}`;
  const waitFor = async (predicate: (r: ReceivedRequest) => boolean, n = 1) =>
    eventually(async () => {
      const found = receiver.requests.filter(predicate);
      return found.length >= n ? found : undefined;
    });
  const post = (path: string, raw: string) => svc.api('POST', path, undefined, { raw, headers: { 'content-type': 'application/json' } });

  before(async () => {
    svc = await startService('exact-payload');
    receiver = await TestReceiver.start();
    // The schema is still checked, on a parsed copy: alpha must be an integer.
    await createEventType(svc, 'order.placed', {
      schema: { type: 'object', required: ['alpha'], properties: { alpha: { type: 'integer' } } },
    });
    // A filter on the 64-bit field still matches (evaluated on the parsed copy).
    const filtered = await post(
      '/v1/subscriptions',
      `{"url":"${receiver.url}/envelope","events":["order.placed"],"ping":false,"filter":{"alpha":12345678901234567890,"neg":0}}`,
    );
    assert.equal(filtered.status, 201, filtered.text);
    envelopeSub = filtered.body;
    rawSub = await createSubscription(svc, { url: `${receiver.url}/raw`, events: ['order.placed'], payloadFormat: 'raw' });
    await createSubscription(svc, { url: `${receiver.url}/unmatched`, events: ['order.placed'], filter: { zeta: 2 } });
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('sends the data of one event exactly, signed over those bytes, and shows it exactly', async () => {
    const res = await post('/v1/events', ` {\n "type" : "order.placed",\n "data" :  ${DATA} \n}\n`);
    assert.equal(res.status, 202, res.text);
    const event = res.body as Accepted;
    assert.deepEqual(event.deliveries.map((d) => d.subscriptionId).sort(), [envelopeSub.id, rawSub.id].sort());

    const [envelope] = await waitFor((r) => r.path === '/envelope' && r.headers['webhook-id'] === event.id);
    assert.equal(envelope.body, `{"id":"${event.id}","type":"order.placed","timestamp":"${event.occurredAt}","data":${DATA}}`);
    // The standardwebhooks library verifies the signature over exactly those bytes.
    const verified = new Webhook(envelopeSub.secret).verify(envelope.body, envelope.headers as Record<string, string>) as { data: object };
    assert.equal((verified.data as { zeta: number }).zeta, 1);

    const [raw] = await waitFor((r) => r.path === '/raw' && r.headers['webhook-id'] === event.id);
    assert.equal(raw.body, DATA);

    const shown = await svc.api('GET', `/v1/events/${event.id}`);
    assert.equal(shown.status, 200);
    assert.ok(shown.text.includes(`"data":${DATA}`), shown.text);
    assert.equal(shown.body.data.zeta, 1);
    const listed = await svc.api('GET', '/v1/events?type=order.placed');
    assert.ok(listed.text.includes(`"data":${DATA}`), listed.text);
    assert.equal(receiver.requests.filter(toSub('unmatched')).length, 0);

    // The schema is still checked, on the parsed copy.
    const refused = await post('/v1/events', '{"type":"order.placed","data":{"alpha":"12345678901234567890"}}');
    assert.equal(refused.status, 422, refused.text);
    assert.deepEqual(
      refused.body.errors.map((e: { field: string }) => e.field),
      ['data.alpha'],
    );
  });

  it('keeps the bytes of each event of a batch', async () => {
    const texts = [
      '{"b":1,"alpha":0,"a":[ ]}',
      '{ "alpha" : 12345678901234567890 , "n":1E+2, "neg":0 }',
      '{"alpha":7,"dup":1,"dup":2,"s":"\\u2028"}',
    ];
    const body = `{"events":[${texts.map((t, i) => `{"data":${t},\n "type":"order.placed", "id": "batch-${i}"}`).join(' ,\n')}]}`;
    const res = await post('/v1/events/batch', body);
    assert.equal(res.status, 202, res.text);
    const ids = (res.body.data as Accepted[]).map((e) => e.id);
    const got = await waitFor((r) => r.path === '/raw' && ids.includes(r.headers['webhook-id'] as string), 3);
    for (const [i, id] of ids.entries()) {
      assert.equal(got.find((r) => r.headers['webhook-id'] === id)?.body, texts[i], `entry ${i}`);
      assert.ok((await svc.api('GET', `/v1/events/${id}`)).text.includes(`"data":${texts[i]}`), `entry ${i} shown`);
    }
    // Only the entry whose alpha matches the filter went to the envelope subscription.
    const [envelope] = await waitFor((r) => r.path === '/envelope' && r.headers['webhook-id'] === ids[1]);
    assert.ok(envelope.body.endsWith(`"data":${texts[1]}}`), envelope.body);
  });

  it('redelivers and test-sends the same bytes', async () => {
    const res = await post('/v1/events', `{"type":"order.placed","data":${DATA}}`);
    const event = res.body as Accepted;
    const first = event.deliveries.find((d) => d.subscriptionId === rawSub.id)!;
    await waitFor((r) => r.path === '/raw' && r.headers['webhook-id'] === event.id);
    assert.equal((await svc.api('POST', `/v1/deliveries/${first.id}/redeliver`)).status, 202);
    const both = await waitFor((r) => r.path === '/raw' && r.headers['webhook-id'] === event.id, 2);
    assert.deepEqual(
      both.map((r) => r.body),
      [DATA, DATA],
    );

    const test = await post(`/v1/subscriptions/${rawSub.id}/test`, `{"type":"order.placed","data":${DATA}}`);
    assert.equal(test.status, 200, test.text);
    assert.equal(receiver.requests.find((r) => r.headers['webhook-id'] === test.body.delivery.eventId)?.body, DATA);
  });

  it('forgets the data (shown null, stored {}) and reads rows written as jsonb before', async () => {
    const res = await post('/v1/events', `{"type":"order.placed","data":${DATA}}`);
    const event = res.body as Accepted;
    assert.equal((await svc.api('DELETE', `/v1/events/${event.id}`)).status, 204);
    assert.equal((await svc.api('GET', `/v1/events/${event.id}`)).body.data, null);
    const [purged] = await svc.db.query(`SELECT data_text, data FROM events WHERE id = $1`, [event.id]);
    assert.deepEqual(purged, { data_text: '{}', data: null });

    // A row as the service wrote it before data_text: jsonb data, shown and sent as it always was.
    const old = (await post('/v1/events', '{"type":"order.placed","data":{"b":1,"alpha":5}}')).body as Accepted;
    const oldRaw = old.deliveries.find((d) => d.subscriptionId === rawSub.id)!;
    await waitFor((r) => r.path === '/raw' && r.headers['webhook-id'] === old.id);
    await svc.db.query(`UPDATE events SET data = data_text::jsonb, data_text = NULL WHERE id = $1`, [old.id]);
    assert.deepEqual((await svc.api('GET', `/v1/events/${old.id}`)).body.data, { b: 1, alpha: 5 });
    assert.equal((await svc.api('POST', `/v1/deliveries/${oldRaw.id}/redeliver`)).status, 202);
    const [, again] = await waitFor((r) => r.path === '/raw' && r.headers['webhook-id'] === old.id, 2);
    assert.equal(again.body, '{"b":1,"alpha":5}');
  });

  it('refuses a body that is not UTF-8 with a 400, not a 500', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"type":"order.placed","data":{"alpha":1,"s":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ]);
    const res = await fetch(`${svc.baseUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.apiKey}`, 'content-type': 'application/json' },
      body: bytes,
    });
    assert.equal(res.status, 400, await res.text());
  });
});
