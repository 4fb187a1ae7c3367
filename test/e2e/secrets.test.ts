import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { createEventType, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** Decodes every base64 payload in a history, so a secret cannot hide behind the encoding. */
function decodedHistory(history: unknown): string {
  const text = JSON.stringify(history);
  const decoded = [...text.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));
  return text + '\n' + decoded.join('\n');
}

describe('secrets at rest and in motion: shown once, masked, sealed, never in logs or workflow histories', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  const logFile = join(mkdtempSync(join(tmpdir(), 'hookrelay-log-')), 'service.log');
  const TOKEN = 'bearer-token-0f2b9c41d7';
  const HEADER_VALUE = 'header-key-77aa31c9e2';
  const PASSWORD = 'basic-password-5e8d1a60';

  before(async () => {
    svc = await startService('secrets', { LOG_FILE: logFile, LOG_LEVEL: 'debug' });
    receiver = await TestReceiver.start();
    await createEventType(svc, 'card.charged');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('delivers with the real credentials while keeping every copy of them out of reach', async () => {
    const failing = await TestReceiver.start();
    failing.respond(() => ({ status: 500 }));
    try {
      const a = await svc.api('POST', '/v1/subscriptions', {
        url: `${receiver.url}/a`,
        events: ['card.charged'],
        ping: false,
        auth: { type: 'bearer', token: TOKEN },
        headers: { 'x-api-key': HEADER_VALUE },
      });
      const b = await svc.api('POST', '/v1/subscriptions', {
        url: failing.url,
        events: ['card.charged'],
        ping: false,
        retrySchedule: [0],
        auth: { type: 'basic', username: 'merchant', password: PASSWORD },
      });
      const rotated = await svc.api('POST', `/v1/subscriptions/${a.body.id}/rotate-secret`, { graceSeconds: 600 });
      const secrets = [a.body.secret, b.body.secret, rotated.body.secret, TOKEN, HEADER_VALUE, PASSWORD];

      const event = await sendEvent(svc, 'card.charged', { amount: 42 });
      const [got] = await receiver.waitForRequests(1);
      assert.equal(got.headers['authorization'], `Bearer ${TOKEN}`);
      assert.equal(got.headers['x-api-key'], HEADER_VALUE);
      new Webhook(rotated.body.secret).verify(got.body, got.headers as Record<string, string>);
      new Webhook(a.body.secret).verify(got.body, got.headers as Record<string, string>);
      await failing.waitForRequests(2);
      assert.equal(failing.requests[0].headers['authorization'], 'Basic ' + Buffer.from(`merchant:${PASSWORD}`).toString('base64'));
      const failedId = event.deliveries.find((d) => d.subscriptionId === b.body.id)!.id;
      await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${failedId}`)).body.status === 'failed' ? true : undefined));
      const test = await svc.api('POST', `/v1/subscriptions/${b.body.id}/test`, {});
      assert.equal(test.status, 200);

      const places: Record<string, string> = {};
      places['database'] = JSON.stringify(await svc.db.query(`SELECT * FROM subscriptions`));
      places['API reads'] = JSON.stringify([
        (await svc.api('GET', `/v1/subscriptions/${a.body.id}`)).body,
        (await svc.api('GET', `/v1/subscriptions`)).body,
        (await svc.api('GET', `/v1/events/${event.id}`)).body,
        (await svc.api('GET', `/v1/deliveries/${failedId}`)).body,
        test.body,
      ]);
      places['metrics'] = String((await svc.api('GET', '/metrics', undefined, { key: null })).body);
      const client = svc.app.get(Client);
      const cli = resolve('.tools/bin/temporal');
      let histories = 0;
      for (const d of [...event.deliveries, { id: test.body.delivery.id }]) {
        const workflowId = `delivery-${d.id}`;
        await client.workflow.getHandle(workflowId).result();
        places[`history ${workflowId}`] = decodedHistory(await client.workflow.getHandle(workflowId).fetchHistory());
        places[`temporal workflow show ${workflowId}`] = execFileSync(
          cli,
          ['workflow', 'show', '--workflow-id', workflowId, '--address', process.env['TEST_TEMPORAL_ADDRESS']!, '--output', 'json'],
          { encoding: 'utf8' },
        );
        histories++;
      }
      places['logs'] = readFileSync(logFile, 'utf8');
      assert.ok(places['logs'].length > 0, 'the service wrote logs');

      for (const [where, text] of Object.entries(places)) {
        for (const secret of secrets) {
          assert.ok(!text.includes(secret), `${where} contains ${secret.slice(0, 12)}...`);
          assert.ok(!text.includes(secret.replace(/^whsec_/, '')), `${where} contains the key part of ${secret.slice(0, 12)}...`);
        }
      }
      console.log(
        `[secrets] ${secrets.length} secret values searched in ${Object.keys(places).length} places (${histories} workflow histories); none found`,
      );
    } finally {
      await failing.close();
    }
  });

  it('shows a read key and a read-only portal link no credential header and no replayable signature on any GET route', async () => {
    const values: Record<string, string> = {
      token: 'tok-3c1e7a90',
      apikey: 'apikey-91b2c3d4',
      secret: 'secret-0aa1bb2c',
      'x-auth': 'xauth-5d6e7f80',
      api_key: 'apikey-underscore-42e1',
      password: 'password-7d1c0b9a',
      'x-apikey': 'xapikey-18f2e3d4',
      'x-session-id': 'session-6b5a4c3d',
    };
    const MARKED = 'marked-secret-e4d3c2b1';
    const PLAIN = 'plain-value-visible';
    await createEventType(svc, 'order.paid');
    const subs = [
      await svc.api('POST', '/v1/subscriptions', {
        url: `${receiver.url}/sw`,
        events: ['order.paid'],
        ping: false,
        headers: { ...values, 'x-partner': { value: MARKED, secret: true }, 'x-plain': PLAIN },
      }),
      await svc.api('POST', '/v1/subscriptions', {
        url: `${receiver.url}/gh`,
        events: ['order.paid'],
        ping: false,
        signature: { scheme: 'hmac-sha256' },
      }),
      // A signature header whose name says nothing of signatures.
      await svc.api('POST', '/v1/subscriptions', {
        url: `${receiver.url}/hub`,
        events: ['order.paid'],
        ping: false,
        signature: { scheme: 'hmac-sha1', header: 'x-hub' },
      }),
    ];
    for (const sub of subs) assert.equal(sub.status, 201, JSON.stringify(sub.body));
    assert.equal(subs[0].body.headers['x-plain'], PLAIN, 'a plain header still reads back');
    const seen = receiver.requests.length;
    const event = await sendEvent(svc, 'order.paid', { amount: 7 });
    const got = (await receiver.waitForRequests(seen + 3)).slice(seen);
    const sw = got.find((r) => r.path.endsWith('/sw'))!;
    assert.equal(sw.headers['x-partner'], MARKED, 'the marked header is sent in clear to the receiver');
    for (const [name, value] of Object.entries(values)) assert.equal(sw.headers[name], value, name);
    const signatures = got.flatMap((r) =>
      ['webhook-signature', 'x-webhook-signature-256', 'x-hub'].map((h) => r.headers[h]).filter((v): v is string => typeof v === 'string'),
    );
    assert.equal(signatures.length, 3, 'each receiver got its signature');
    // The base64 or hex of each signature, without its `v1,` / `sha256=` prefix: that is what a replay needs.
    const signatureParts = signatures.map((s) => s.replace(/^(v1,|sha256=|sha1=)/, ''));
    for (const d of event.deliveries) {
      await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${d.id}`)).body.status === 'succeeded' ? true : undefined));
    }
    const test = await svc.api('POST', `/v1/subscriptions/${subs[2].body.id}/test`, {});
    assert.equal(test.status, 200);
    const testText = JSON.stringify(test.body);

    const readKey = (await svc.api('POST', '/v1/api-keys', { scopes: ['read'] })).body.apiKey as string;
    const portal = (await svc.api('POST', '/v1/portal-sessions', { readOnly: true })).body.token as string;
    const doc = (await svc.api('GET', '/openapi.json', undefined, { key: null })).body;
    const idFor = (path: string) =>
      path.startsWith('/v1/events')
        ? event.id
        : path.startsWith('/v1/deliveries')
          ? event.deliveries[0].id
          : path.startsWith('/v1/event-types')
            ? 'order.paid'
            : subs[0].body.id;
    const seenText: string[] = [testText];
    let walked = 0;
    for (const [template, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!template.startsWith('/v1/') || !operations['get']) continue;
      const paths = template.includes('{')
        ? [...new Set([idFor(template), ...subs.map((s) => s.body.id as string), ...event.deliveries.map((d) => d.id)])].map((id) =>
            template.replace(/\{\w+\}/, template.startsWith('/v1/event-types') ? 'order.paid' : id),
          )
        : [template];
      for (const path of [...new Set(paths)]) {
        for (const key of [readKey, portal]) {
          const res = await svc.api('GET', path, undefined, { key });
          seenText.push(JSON.stringify(res.body));
        }
      }
      walked++;
    }
    const text = seenText.join('\n');
    for (const [name, value] of Object.entries({ ...values, 'x-partner': MARKED })) {
      assert.ok(!text.includes(value), `a read credential sees the value of ${name}`);
    }
    for (const sig of signatureParts) assert.ok(!text.includes(sig), `a read credential sees a signature (${sig.slice(0, 12)}...)`);
    assert.ok(text.includes(PLAIN), 'the walk did read the subscription');
    assert.ok(text.includes('"x-hub"'), 'the walk did read the captures');
    console.log(`[secrets] walked ${walked} GET routes as a read key and a read-only portal link: no credential header, no signature`);
  });
  it('keeps a stored credential when a PATCH writes back the masked value a read showed, and refuses `****` for one it lacks', async () => {
    const KEEP = 'kept-apikey-3f9e2a71';
    const made = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/masked`,
      events: ['card.charged'],
      ping: false,
      headers: { 'X-Api-Key': KEEP, 'x-plain': 'one' },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const read = (await svc.api('GET', `/v1/subscriptions/${made.body.id}`)).body;
    assert.equal(read.headers['X-Api-Key'], '****');
    const written = await svc.api('PATCH', `/v1/subscriptions/${made.body.id}`, { headers: { ...read.headers, 'x-plain': 'two' } });
    assert.equal(written.status, 200, JSON.stringify(written.body));
    const seen = receiver.requests.length;
    await sendEvent(svc, 'card.charged', { amount: 3 });
    const got = await eventually(async () => receiver.requests.slice(seen).find((r) => r.path.endsWith('/masked')));
    assert.equal(got.headers['x-api-key'], KEEP, 'the stored credential is sent, not the mask');
    assert.equal(got.headers['x-plain'], 'two');

    for (const body of [{ headers: { 'x-other-key': '****' } }]) {
      const refused = await svc.api('PATCH', `/v1/subscriptions/${made.body.id}`, body);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.errors.map((e: { field: string }) => e.field),
        ['headers.x-other-key'],
      );
    }
    const create = await svc.api('POST', '/v1/subscriptions', {
      url: receiver.url,
      events: ['card.charged'],
      headers: { authorization: '****' },
    });
    assert.equal(create.status, 422, JSON.stringify(create.body));
    assert.equal(create.body.errors[0].field, 'headers.authorization');
  });
});
