import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('subscriptions', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('subscriptions');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'order.placed');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const deliveryStatus = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body.status as string;

  it('creates with defaults, shows the secret once, masks secrets in reads', async () => {
    const created = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/orders`,
      events: ['order.placed'],
      headers: { 'x-api-key': 'very-secret-value', 'x-team': 'payments' },
      auth: { type: 'basic', username: 'hook', password: 'pa55word' },
      ping: false,
    });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^sub_[0-9a-z]{26}$/);
    assert.match(created.body.secret, /^whsec_/);
    assert.equal(created.body.name, new URL(receiver.url).host);
    assert.deepEqual(created.body.retrySchedule, [5, 300, 1800, 7200, 18000, 36000, 36000]);
    assert.equal(created.body.timeoutMs, 15000);
    assert.deepEqual(created.body.signature, { scheme: 'standard-webhooks', header: null, timestamped: false, publicKey: null });

    const read = await svc.api('GET', `/v1/subscriptions/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.secret, undefined);
    assert.equal(read.body.headers['x-api-key'], '****');
    assert.equal(read.body.headers['x-team'], 'payments');
    assert.deepEqual(read.body.auth, { type: 'basic', username: 'hook' });
    assert.ok(!JSON.stringify(read.body).includes('pa55word'));

    const patched = await svc.api('PATCH', `/v1/subscriptions/${created.body.id}`, { name: 'Orders', timeoutMs: 5000 });
    assert.equal(patched.status, 200);
    assert.deepEqual([patched.body.name, patched.body.timeoutMs, patched.body.url], ['Orders', 5000, `${receiver.url}/orders`]);

    const list = await svc.api('GET', '/v1/subscriptions?limit=1');
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 1);
    assert.equal(await svc.api('DELETE', `/v1/subscriptions/${created.body.id}`).then((r) => r.status), 204);
    assert.equal(await svc.api('GET', `/v1/subscriptions/${created.body.id}`).then((r) => r.status), 404);
  });

  it('accepts form-encoded bodies with repeated keys and JSON-string objects', async () => {
    const form = new URLSearchParams();
    form.append('url', `${receiver.url}/form`);
    form.append('events', 'order.placed');
    form.append('events', 'order.*');
    form.append('filter', JSON.stringify({ region: ['eu', 'us'] }));
    form.append('retrySchedule', '10');
    form.append('retrySchedule', '60');
    form.append('ping', 'false');
    const res = await svc.api('POST', '/v1/subscriptions', undefined, {
      raw: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.events, ['order.placed', 'order.*']);
    assert.deepEqual(res.body.filter, { region: ['eu', 'us'] });
    assert.deepEqual(res.body.retrySchedule, [10, 60]);
    await svc.api('DELETE', `/v1/subscriptions/${res.body.id}`);
  });

  it('pings a new subscription unless told not to', async () => {
    const before = receiver.requests.length;
    const res = await svc.api('POST', '/v1/subscriptions', { url: `${receiver.url}/ping`, events: ['order.placed'] });
    assert.equal(res.status, 201);
    const requests = await receiver.waitForRequests(before + 1);
    const ping = requests.slice(before).find((r) => r.path === '/ping')!;
    assert.equal(ping.headers['webhook-event-type'], 'webhook.ping');
    const body = new Webhook(res.body.secret).verify(ping.body, ping.headers as Record<string, string>) as {
      data: { subscriptionId: string };
    };
    assert.equal(body.data.subscriptionId, res.body.id);
    const history = await eventually(async () => {
      const h = await svc.api('GET', `/v1/subscriptions/${res.body.id}/deliveries`);
      return h.body.data.length === 1 && h.body.data[0].status === 'succeeded' ? h.body : undefined;
    });
    assert.equal(history.data[0].kind, 'ping');
    await svc.api('DELETE', `/v1/subscriptions/${res.body.id}`);
  });

  it('holds deliveries while paused and sends them all on resume, oldest first', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/paused`, events: ['order.placed'] });
    const paused = await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    assert.equal(paused.body.status, 'paused');
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await sendEvent(svc, 'order.placed', { i }));
    const ids = sent.map((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.id);
    assert.ok(sent.every((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.status === 'held'));
    // Each workflow is parked, waiting for resume: nothing can be sent until then.
    const client = svc.app.get(Client);
    for (const id of ids) {
      await eventually(
        async () =>
          (await client.workflow.getHandle(`delivery-${id}`).query<{ status: string; paused: boolean }>('state')).paused || undefined,
      );
    }
    assert.equal(receiver.requests.filter((r) => r.path === '/paused').length, 0, 'nothing sent while paused');
    for (const id of ids) assert.equal(await deliveryStatus(id), 'held');

    const resumed = await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
    assert.equal(resumed.body.status, 'active');
    const got = await eventually(async () => {
      const r = receiver.requests.filter((q) => q.path === '/paused');
      return r.length >= 5 ? r : undefined;
    });
    assert.deepEqual(new Set(got.map((r) => r.headers['webhook-id'])), new Set(sent.map((e) => e.id)));
    for (const id of ids) await eventually(async () => ((await deliveryStatus(id)) === 'succeeded' ? true : undefined));
  });

  it('410 Gone disables the subscription with a reason and stops retrying', async () => {
    const gone = await TestReceiver.start();
    gone.respondWith(410);
    try {
      const sub = await createSubscription(svc, { url: gone.url, events: ['order.placed'], retrySchedule: [1, 1] });
      const event = await sendEvent(svc, 'order.placed', { gone: true });
      const id = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await eventually(async () => ((await deliveryStatus(id)) === 'failed' ? true : undefined));
      const read = await svc.api('GET', `/v1/subscriptions/${sub.id}`);
      assert.equal(read.body.status, 'disabled');
      assert.match(read.body.disabledReason, /410/);
      assert.equal((await svc.app.get(Client).workflow.getHandle(`delivery-${id}`).result()).status, 'failed');
      assert.equal(gone.requests.length, 1, 'no retries after 410');
      const resumed = await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
      assert.deepEqual([resumed.body.status, resumed.body.disabledReason], ['active', null]);
    } finally {
      await gone.close();
    }
  });

  it('delete cancels unfinished deliveries', async () => {
    const failing = await TestReceiver.start();
    failing.respondWith(500, 500, 500);
    try {
      const sub = await createSubscription(svc, { url: failing.url, events: ['order.placed'], retrySchedule: [3600] });
      const event = await sendEvent(svc, 'order.placed', {});
      const id = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
      await eventually(async () => ((await deliveryStatus(id)) === 'retrying' ? true : undefined));
      assert.equal((await svc.api('DELETE', `/v1/subscriptions/${sub.id}`)).status, 204);
      assert.equal(await deliveryStatus(id), 'cancelled');
      const handle = svc.app.get((await import('@temporalio/client')).Client).workflow.getHandle(`delivery-${id}`);
      assert.equal((await handle.result()).status, 'cancelled');
    } finally {
      await failing.close();
    }
  });

  describe('what a receiver gets', () => {
    const lastTo = async (path: string, n = 1) => {
      const got = await eventually(
        async () => {
          const r = receiver.requests.filter((q) => q.path === path);
          return r.length >= n ? r : undefined;
        },
        20_000,
        `${n} request(s) to ${path}`,
      );
      return got[n - 1];
    };

    it('rotates the secret: grace 0 stops the old one at once, a grace sends both signatures', async () => {
      const sub = await createSubscription(svc, { url: `${receiver.url}/rotate`, events: ['order.placed'] });
      const oldSecret = sub.secret;
      const rotated = await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, {});
      assert.equal(rotated.status, 200);
      assert.notEqual(rotated.body.secret, oldSecret);
      await sendEvent(svc, 'order.placed', { n: 1 });
      const first = await lastTo('/rotate', 1);
      const headers = first.headers as Record<string, string>;
      assert.equal(headers['webhook-signature'].split(' ').length, 1);
      new Webhook(rotated.body.secret).verify(first.body, headers);
      assert.throws(() => new Webhook(oldSecret).verify(first.body, headers));

      const graced = await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, { graceSeconds: 3600 });
      await sendEvent(svc, 'order.placed', { n: 2 });
      const second = await lastTo('/rotate', 2);
      const h2 = second.headers as Record<string, string>;
      assert.equal(h2['webhook-signature'].split(' ').length, 2);
      new Webhook(graced.body.secret).verify(second.body, h2);
      new Webhook(rotated.body.secret).verify(second.body, h2);
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('signs with hmac-sha256 and hmac-sha1 under the chosen header', async () => {
      const a = await createSubscription(svc, {
        url: `${receiver.url}/sha256`,
        events: ['order.placed'],
        signature: { scheme: 'hmac-sha256', header: 'X-Hub-Signature-256' },
      });
      const b = await createSubscription(svc, {
        url: `${receiver.url}/sha1`,
        events: ['order.placed'],
        signature: { scheme: 'hmac-sha1' },
      });
      await sendEvent(svc, 'order.placed', { scheme: true });
      const r256 = await lastTo('/sha256');
      assert.equal(r256.headers['x-hub-signature-256'], 'sha256=' + createHmac('sha256', a.secret).update(r256.body).digest('hex'));
      assert.equal(r256.headers['webhook-signature'], undefined);
      const r1 = await lastTo('/sha1');
      assert.equal(r1.headers['x-webhook-signature'], 'sha1=' + createHmac('sha1', b.secret).update(r1.body).digest('hex'));
      for (const sub of [a, b]) await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('signs "{timestamp}.{body}" with x-webhook-timestamp when timestamped; PATCH toggles it', async () => {
      // A receiver as the README tells one to write it: fresh timestamp, HMAC over "ts.body", constant-time compare.
      const verifying = await TestReceiver.start();
      let secrets: string[] = [];
      const verdict = (headers: Record<string, unknown>, body: string): string => {
        const ts = headers['x-webhook-timestamp'];
        if (typeof ts !== 'string' || !/^\d+$/.test(ts)) return 'no x-webhook-timestamp';
        if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return 'timestamp older than 5 minutes';
        const sent = String(headers['x-webhook-signature-256'] ?? '')
          .split(' ')
          .map((e) => Buffer.from(e));
        const matches = (secret: string) => {
          const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex'));
          return sent.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
        };
        return secrets.every(matches) ? 'ok' : 'bad signature';
      };
      verifying.respond((q) => {
        const why = verdict(q.headers, q.body);
        return { status: why === 'ok' ? 204 : 400, body: why };
      });
      try {
        const sub = await createSubscription(svc, {
          url: verifying.url,
          events: ['order.placed'],
          retrySchedule: [3600],
          signature: { scheme: 'hmac-sha256', timestamped: true },
        });
        assert.deepEqual(sub.signature, { scheme: 'hmac-sha256', header: null, timestamped: true, publicKey: null });
        secrets = [sub.secret];
        const attempt = async (n: number) => {
          const event = await sendEvent(svc, 'order.placed', { n });
          const id = event.deliveries.find((d) => d.subscriptionId === sub.id)!.id;
          await eventually(async () => (['succeeded', 'retrying', 'failed'].includes(await deliveryStatus(id)) ? true : undefined));
          const delivery = (await svc.api('GET', `/v1/deliveries/${id}`)).body;
          return { delivery, request: verifying.requests.at(-1)! };
        };

        const first = await attempt(1);
        assert.equal(first.delivery.status, 'succeeded', first.delivery.attempts[0]?.responseBody);
        assert.equal(first.request.headers['x-webhook-timestamp'], first.request.headers['webhook-timestamp']);

        // A rotation grace: one sha256= entry per secret, each over "ts.body".
        const graced = await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, { graceSeconds: 3600 });
        secrets = [graced.body.secret, sub.secret];
        const second = await attempt(2);
        assert.equal(second.delivery.status, 'succeeded', second.delivery.attempts[0]?.responseBody);
        assert.equal(String(second.request.headers['x-webhook-signature-256']).split(' ').length, 2);

        // A PATCH of other fields leaves it on; turning it off signs the body alone and sends no timestamp.
        const renamed = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { name: 'Timestamped' });
        assert.equal(renamed.body.signature.timestamped, true);
        const off = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { signature: { scheme: 'hmac-sha256', timestamped: false } });
        assert.equal(off.status, 200, JSON.stringify(off.body));
        assert.deepEqual(off.body.signature, { scheme: 'hmac-sha256', header: null, timestamped: false, publicKey: null });
        const third = await attempt(3);
        assert.equal(third.delivery.status, 'retrying');
        assert.equal(third.delivery.attempts[0]?.responseBody, 'no x-webhook-timestamp');
        assert.equal(
          third.request.headers['x-webhook-signature-256'],
          [
            'sha256=' + createHmac('sha256', graced.body.secret).update(third.request.body).digest('hex'),
            'sha256=' + createHmac('sha256', sub.secret).update(third.request.body).digest('hex'),
          ].join(' '),
        );
        const on = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { signature: { scheme: 'hmac-sha256', timestamped: true } });
        assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.id}`)).body.signature.timestamped, true, JSON.stringify(on.body));
        await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
      } finally {
        await verifying.close();
      }
    });

    it('refuses timestamped with standard-webhooks (422 naming signature.timestamped), on create and PATCH', async () => {
      const body = {
        url: `${receiver.url}/never`,
        events: ['order.placed'],
        signature: { scheme: 'standard-webhooks', timestamped: true },
      };
      const created = await svc.api('POST', '/v1/subscriptions', { ...body, ping: false });
      assert.equal(created.status, 422);
      // Named as a known field refused for this scheme, not as an unknown one.
      const refusal = [
        {
          field: 'signature.timestamped',
          message: 'standard-webhooks and ed25519 always sign the timestamp; timestamped is for hmac-sha256 and hmac-sha1',
        },
      ];
      assert.deepEqual(created.body.errors, refusal);
      const sub = await createSubscription(svc, {
        url: `${receiver.url}/never`,
        events: ['order.placed'],
        signature: { scheme: 'hmac-sha1', timestamped: true },
      });
      const patched = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { signature: body.signature });
      assert.equal(patched.status, 422);
      assert.deepEqual(patched.body.errors, refusal);
      assert.deepEqual((await svc.api('GET', `/v1/subscriptions/${sub.id}`)).body.signature, {
        scheme: 'hmac-sha1',
        header: null,
        timestamped: true,
        publicKey: null,
      });
      await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('formats payloads as envelope, raw or form, with custom headers and auth', async () => {
      const raw = await createSubscription(svc, {
        url: `${receiver.url}/raw`,
        events: ['order.placed'],
        payloadFormat: 'raw',
        auth: { type: 'bearer', token: 't0ken' },
      });
      const form = await createSubscription(svc, {
        url: `${receiver.url}/form`,
        events: ['order.placed'],
        payloadFormat: 'form',
        headers: { 'x-team': 'payments' },
        auth: { type: 'basic', username: 'u', password: 'p' },
      });
      const env = await createSubscription(svc, { url: `${receiver.url}/envelope`, events: ['order.placed'] });
      const event = await sendEvent(svc, 'order.placed', { order: 7, tags: ['a'] });

      const r = await lastTo('/raw');
      assert.deepEqual(JSON.parse(r.body), { order: 7, tags: ['a'] });
      assert.equal(r.headers['authorization'], 'Bearer t0ken');
      new Webhook(raw.secret).verify(r.body, r.headers as Record<string, string>);

      const f = await lastTo('/form');
      assert.equal(f.headers['content-type'], 'application/x-www-form-urlencoded');
      const fields = new URLSearchParams(f.body);
      assert.deepEqual([fields.get('id'), fields.get('type'), fields.get('account')], [event.id, 'order.placed', 'default']);
      assert.deepEqual(JSON.parse(fields.get('data')!), { order: 7, tags: ['a'] });
      assert.ok(!Number.isNaN(Date.parse(fields.get('timestamp')!)));
      assert.equal(f.headers['x-team'], 'payments');
      assert.equal(f.headers['authorization'], 'Basic ' + Buffer.from('u:p').toString('base64'));
      new Webhook(form.secret).verify(f.body, f.headers as Record<string, string>, { jsonParse: false });

      const e = await lastTo('/envelope');
      const envelope = JSON.parse(e.body);
      assert.deepEqual(Object.keys(envelope).sort(), ['data', 'id', 'timestamp', 'type']);
      assert.equal(envelope.id, event.id);
      assert.match(String(e.headers['user-agent']), /^hookrelay\//);
      for (const sub of [raw, form, env]) await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('routes by filter on event data (any-of arrays)', async () => {
      const east = await createSubscription(svc, {
        url: `${receiver.url}/east`,
        events: ['order.*'],
        filter: { 'job.zone': ['East', 'North'] },
      });
      const west = await createSubscription(svc, { url: `${receiver.url}/west`, events: ['order.*'], filter: { 'job.zone': 'West' } });
      const event = await sendEvent(svc, 'order.placed', { job: { zone: 'East' } });
      assert.deepEqual(
        event.deliveries.map((d) => d.subscriptionId).filter((id) => id === east.id || id === west.id),
        [east.id],
      );
      await lastTo('/east');
      for (const sub of [east, west]) await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('test-sends one real attempt, even while paused, recorded as kind test, without retries', async () => {
      const failing = await TestReceiver.start();
      failing.respond(() => ({ status: 500, body: 'nope' }));
      try {
        const sub = await createSubscription(svc, { url: failing.url, events: ['order.placed'] });
        await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
        const res = await svc.api('POST', `/v1/subscriptions/${sub.id}/test`, { data: { hello: 'world' } });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.attempt.statusCode, 500);
        assert.equal(res.body.attempt.responseBody, 'nope');
        assert.equal(typeof res.body.attempt.durationMs, 'number');
        assert.equal(res.body.delivery.kind, 'test');
        assert.equal(res.body.delivery.status, 'failed');
        assert.equal(failing.requests.length, 1);
        assert.deepEqual(JSON.parse(failing.requests[0].body).data, { hello: 'world' });
        assert.equal(failing.requests[0].headers['webhook-event-type'], 'webhook.test');
        // The workflow has ended: no retry can follow.
        assert.equal((await svc.app.get(Client).workflow.getHandle(`delivery-${res.body.delivery.id}`).result()).status, 'failed');
        assert.equal(failing.requests.length, 1, 'no retries for a test send');
        const history = await svc.api('GET', `/v1/subscriptions/${sub.id}/deliveries`);
        assert.equal(history.body.data[0].kind, 'test');
        const stillPaused = await svc.api('GET', `/v1/subscriptions/${sub.id}`);
        assert.equal(stillPaused.body.status, 'paused');
        await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
      } finally {
        await failing.close();
      }
    });
  });
});
