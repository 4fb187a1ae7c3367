import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { purgeNow } from '../helpers/purge.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const RETENTION_SECONDS = 3;

describe('retention: payloads and response bodies purged on a Temporal schedule, metadata kept; DELETE /v1/events/:id', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('retention', { RETENTION_DAYS: String(RETENTION_SECONDS / 86_400) });
    receiver = await TestReceiver.start();
    receiver.respond(() => ({ status: 200, body: 'the receiver echoes: secret-ish' }));
    for (const type of ['ret.done', 'ret.held']) await createEventType(svc, type);
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const eventOf = async (id: string) => (await svc.api('GET', `/v1/events/${id}`)).body;
  const deliveryOf = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;

  it('purges what is past the retention and ended, keeps what is still being delivered, and loses nothing', async () => {
    await createSubscription(svc, { url: `${receiver.url}/done`, events: ['ret.done'] });
    const held = await createSubscription(svc, { url: `${receiver.url}/held`, events: ['ret.held'] });
    await svc.api('POST', `/v1/subscriptions/${held.id}/pause`);
    const ended = await sendEvent(svc, 'ret.done', { card: '4242' });
    const waiting = await sendEvent(svc, 'ret.held', { order: 7 });
    const endedDelivery = ended.deliveries[0].id;
    await eventually(async () => ((await deliveryOf(endedDelivery)).status === 'succeeded' ? true : undefined));
    assert.equal((await deliveryOf(endedDelivery)).attempts[0].responseBody, 'the receiver echoes: secret-ish');
    // Both events and the attempt pass the retention (a point in time, not a guess about the machine's speed).
    const newest = Math.max(
      Date.parse((await eventOf(waiting.id)).createdAt),
      Date.parse((await deliveryOf(endedDelivery)).attempts[0].startedAt),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, newest + RETENTION_SECONDS * 1000 + 200 - Date.now())));

    const purged = await purgeNow(svc);
    assert.deepEqual(
      { events: purged.events, responseBodies: purged.responseBodies },
      { events: 1, responseBodies: 1 },
      JSON.stringify(purged),
    );
    assert.equal(purged.eventsDeleted, undefined, 'METADATA_RETENTION_DAYS unset: no row is deleted');

    const gone = await eventOf(ended.id);
    assert.equal(gone.data, null);
    assert.ok(gone.purgedAt);
    assert.equal(gone.type, 'ret.done', 'the event row stays');
    const [stored] = await svc.db.query(`SELECT data_text, data FROM events WHERE id = $1`, [ended.id]);
    assert.deepEqual(stored, { data_text: '{}', data: null }, 'the payload is gone from the database, not only hidden');
    const delivery = await deliveryOf(endedDelivery);
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts[0].statusCode, 200, 'attempt metadata stays');
    assert.equal(delivery.attempts[0].responseBody, null);
    const [rows] = await svc.db.query(
      `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM deliveries)::int AS deliveries, (SELECT count(*) FROM attempts)::int AS attempts`,
    );
    assert.ok(rows.events >= 2 && rows.deliveries >= 2 && rows.attempts >= 1, `every row kept: ${JSON.stringify(rows)}`);

    const kept = await eventOf(waiting.id);
    assert.deepEqual(kept.data, { order: 7 }, 'an event still being delivered keeps its payload');
    await svc.api('POST', `/v1/subscriptions/${held.id}/resume`);
    const heldRequest = await eventually(async () => receiver.requests.find((r) => r.path === '/held'));
    assert.deepEqual(JSON.parse(heldRequest.body).data, { order: 7 });

    const redeliver = await svc.api('POST', `/v1/deliveries/${endedDelivery}/redeliver`);
    assert.equal(redeliver.status, 409, JSON.stringify(redeliver.body));
    assert.match(redeliver.body.detail, /purged/);
  });

  it('DELETE /v1/events/:id forgets one payload now and cancels what it had left to deliver', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/forget`, events: ['ret.held'] });
    await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    const event = await sendEvent(svc, 'ret.held', { email: 'someone@example.com' });
    const res = await svc.api('DELETE', `/v1/events/${event.id}`);
    assert.equal(res.status, 204, JSON.stringify(res.body));
    const read = await eventOf(event.id);
    assert.equal(read.data, null);
    assert.equal(read.deliveries.find((d: { id: string }) => d.id === event.deliveries[0].id).status, 'cancelled');
    const [stored] = await svc.db.query(`SELECT data_text, data FROM events WHERE id = $1`, [event.id]);
    assert.deepEqual(stored, { data_text: '{}', data: null });
    assert.equal((await svc.api('DELETE', `/v1/events/${event.id}`)).status, 204, 'idempotent');
    assert.equal((await svc.api('DELETE', `/v1/events/evt_doesnotexist`)).status, 404);
    // Resuming sends nothing of it: a later event of the same subscription arrives, the forgotten one never.
    await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
    const later = await sendEvent(svc, 'ret.held', { later: true });
    const arrived = await eventually(async () => receiver.requests.filter((r) => r.path === '/forget').at(0));
    assert.equal(JSON.parse(arrived.body).id, later.id);
    assert.equal(receiver.requests.filter((r) => r.path === '/forget').length, 1);
  });
});
