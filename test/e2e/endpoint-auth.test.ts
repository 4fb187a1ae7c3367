import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { createEventType, eventually, sendEvent } from '../helpers/factories.js';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { TokenServer } from '../helpers/token-server.js';

/** The base64 body of a PEM block: what would show if a key leaked in any encoding-preserving copy. */
const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('endpoints that enterprises run: mutual TLS, OAuth2 client credentials, transformations', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let plain: TestReceiver;
  let tokens: TokenServer;
  const CLIENTS = { 'many-deliveries': 'cs-91c0a7e3f2d4', 'short-lived': 'cs-5b7e10aa3c68', 'wrong-secret': 'cs-2f8d6e4b1a09' };
  let certs: TestCertificates;
  const pem: Record<string, string> = {};
  const logFile = join(mkdtempSync(join(tmpdir(), 'hookrelay-log-')), 'service.log');

  before(async () => {
    certs = makeCertificates();
    for (const [name, path] of Object.entries(certs)) if (name !== 'dir') pem[name] = readFileSync(path, 'utf8');
    svc = await startService('endpoint_auth', { LOG_FILE: logFile, LOG_LEVEL: 'debug' });
    receiver = await TestReceiver.start({
      cert: pem['serverCert'],
      key: pem['serverKey'],
      ca: pem['caCert'],
      requestCert: true,
      rejectUnauthorized: true,
    });
    await createEventType(svc, 'vault.opened');
    await createEventType(svc, 'vault.rotated');
    await createEventType(svc, 'ledger.posted');
    await createEventType(svc, 'pay.made');
    tokens = await TokenServer.start(CLIENTS);
    // Under /many, /short and /wrong: accepts only bearer tokens the token server issued and still honours.
    plain = (await TestReceiver.start()).respond((req) => {
      if (!['/many', '/short', '/wrong'].includes(req.path)) return { status: 200, body: 'ok' };
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      return token && tokens.valid.has(token) ? { status: 200, body: 'ok' } : { status: 401, body: 'who are you' };
    });
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
    await plain?.close();
    await tokens?.close();
    rmSync(certs.dir, { recursive: true, force: true });
  });

  const clientTls = (cert: string, key: string) => ({ certificate: pem[cert], privateKey: pem[key], serverCa: pem['caCert'] });

  it('refuses a certificate that does not parse or a key that is not its own, naming the field', async () => {
    const bad = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/x`,
      events: ['vault.opened'],
      ping: false,
      clientTls: { certificate: 'garbage', privateKey: pem['clientKey'] },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.body.errors.map((e: { field: string }) => e.field),
      ['clientTls.certificate'],
    );
    const mismatched = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/x`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientTls('clientCert', 'otherClientKey'),
    });
    assert.equal(mismatched.status, 422);
    assert.deepEqual(mismatched.body.errors, [{ field: 'clientTls.privateKey', message: 'does not belong to the certificate' }]);
    assert.equal((await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE url LIKE $1`, [`${receiver.url}/x`]))[0].n, 0);
  });

  it('delivers with the right certificate; another CA’s fails `tls` until a PATCH rotates it; the key is never shown', async () => {
    const a = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/a`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientTls('clientCert', 'clientKey'),
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.clientTls.subject, 'CN=hookrelay');
    assert.equal(a.body.clientTls.serverCa, true);
    assert.ok(Date.parse(a.body.clientTls.expiresAt) > Date.now());
    await sendEvent(svc, 'vault.opened', { door: 1 });
    await eventually(async () => receiver.requests.find((r) => r.path === '/a'));
    assert.equal(receiver.requests.find((r) => r.path === '/a')!.clientCertificate, 'hookrelay');

    const b = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/b`,
      events: ['vault.rotated'],
      ping: false,
      retrySchedule: [1, 1, 1, 1, 1, 1, 1, 1],
      clientTls: clientTls('foreignClientCert', 'foreignClientKey'),
    });
    assert.equal(b.body.clientTls.subject, 'CN=foreigner');
    const event = await sendEvent(svc, 'vault.rotated', { door: 2 });
    const deliveryId = event.deliveries[0].id;
    const failed = await eventually(async () => {
      const d = (await svc.api('GET', `/v1/deliveries/${deliveryId}`)).body;
      return d.attempts.length >= 1 ? d : undefined;
    });
    assert.equal(failed.attempts.at(-1).error?.type, 'tls', JSON.stringify(failed.attempts.at(-1)));
    assert.equal(failed.attempts.at(-1).statusCode, null);

    const patched = await svc.api('PATCH', `/v1/subscriptions/${b.body.id}`, { clientTls: clientTls('clientCert', 'clientKey') });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.clientTls.subject, 'CN=hookrelay');
    const done = await eventually(async () => {
      const d = (await svc.api('GET', `/v1/deliveries/${deliveryId}`)).body;
      return d.status === 'succeeded' ? d : undefined;
    });
    assert.ok(done.attempts.slice(0, -1).every((t: { error: { type: string } | null }) => t.error?.type === 'tls'));
    assert.equal(receiver.requests.filter((r) => r.path === '/b').length, 1);
    assert.equal(receiver.requests.find((r) => r.path === '/b')!.clientCertificate, 'hookrelay');

    const keys = [pemBody(pem['clientKey']), pemBody(pem['foreignClientKey'])];
    const client = svc.app.get(Client);
    const places: Record<string, string> = {
      database: JSON.stringify(await svc.db.query(`SELECT * FROM subscriptions`)),
      'API reads': JSON.stringify([
        a.body,
        patched.body,
        (await svc.api('GET', `/v1/subscriptions`)).body,
        (await svc.api('GET', `/v1/deliveries/${deliveryId}`)).body,
      ]),
      history: JSON.stringify(await client.workflow.getHandle(`delivery-${deliveryId}`).fetchHistory()),
      logs: readFileSync(logFile, 'utf8'),
      captures: JSON.stringify(await svc.db.query(`SELECT * FROM attempts WHERE delivery_id = $1`, [deliveryId])),
    };
    for (const [where, text] of Object.entries(places))
      for (const key of keys) assert.ok(!text.includes(key.slice(10, 60)), `${where} holds a private key`);
    assert.ok(!places['API reads'].includes('privateKey'));
  });

  it('raises subscription.certificate_expiring once per certificate written within 14 days of its end', async () => {
    const ops = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/ops`,
      events: ['subscription.certificate_expiring'],
      ping: false,
    });
    assert.equal(ops.status, 201, JSON.stringify(ops.body));
    const notices = (id: string) =>
      plain.requests
        .filter((r) => r.path === '/ops')
        .filter((r) => (JSON.parse(r.body) as { data: { subscriptionId: string } }).data.subscriptionId === id);
    // The test certificates live two days.
    const sub = await svc.api('POST', '/v1/subscriptions', {
      url: `${receiver.url}/expiring`,
      events: ['vault.opened'],
      ping: false,
      clientTls: clientTls('clientCert', 'clientKey'),
    });
    const [first] = await eventually(async () => (notices(sub.body.id).length ? notices(sub.body.id) : undefined));
    const notice = JSON.parse(first.body) as { type: string; data: Record<string, string> };
    assert.equal(notice.type, 'subscription.certificate_expiring');
    assert.deepEqual(notice.data, { subscriptionId: sub.body.id, subject: 'CN=hookrelay', expiresAt: sub.body.clientTls.expiresAt });
    await svc.api('PATCH', `/v1/subscriptions/${sub.body.id}`, { clientTls: clientTls('clientCert', 'clientKey') });
    await svc.api('PATCH', `/v1/subscriptions/${sub.body.id}`, { clientTls: clientTls('foreignClientCert', 'foreignClientKey') });
    await eventually(async () => (notices(sub.body.id).length >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(notices(sub.body.id).length, 2, 'the same certificate written again raised nothing');
  });

  const oauth2 = (clientId: keyof typeof CLIENTS, secret: string = CLIENTS[clientId]) => ({
    type: 'oauth2',
    tokenUrl: tokens.url,
    clientId,
    clientSecret: secret,
    scope: 'hooks.write',
    audience: 'https://ledger.example',
  });
  const delivery = async (id: string, until: (d: { status: string }) => boolean) =>
    eventually(async () => {
      const d = (await svc.api('GET', `/v1/deliveries/${id}`)).body;
      return until(d) ? d : undefined;
    });

  it('OAuth2: one token for many deliveries, a new one once on a 401, the secret and tokens kept out of every read', async () => {
    const sub = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/many`,
      events: ['ledger.posted'],
      ping: false,
      auth: oauth2('many-deliveries'),
    });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    assert.deepEqual(sub.body.auth, {
      type: 'oauth2',
      tokenUrl: tokens.url,
      clientId: 'many-deliveries',
      scope: 'hooks.write',
      audience: 'https://ledger.example',
    });
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await sendEvent(svc, 'ledger.posted', { n: i }));
    for (const e of events) await delivery(e.deliveries[0].id, (d) => d.status === 'succeeded');
    const asked = tokens.requestsOf('many-deliveries');
    assert.equal(asked.length, 1, 'one token served five deliveries');
    assert.equal(asked[0].form.get('grant_type'), 'client_credentials');
    assert.equal(asked[0].form.get('scope'), 'hooks.write');
    assert.equal(asked[0].form.get('audience'), 'https://ledger.example');
    const sent = plain.requests.filter((r) => r.path === '/many');
    assert.equal(sent.length, 5);
    assert.equal(new Set(sent.map((r) => r.headers.authorization)).size, 1);

    // The receiver stops honouring it: the next attempt gets a 401, fetches a new token once and goes again.
    tokens.valid.clear();
    const after401 = await sendEvent(svc, 'ledger.posted', { n: 'revoked' });
    const d = await delivery(after401.deliveries[0].id, (x) => x.status === 'succeeded');
    assert.equal(d.attempts.length, 1, 'the refresh happened inside the attempt');
    assert.equal(tokens.requestsOf('many-deliveries').length, 2);
    const both = plain.requests.filter((r) => r.path === '/many').slice(5);
    assert.equal(both.length, 2);
    assert.notEqual(both[0].headers.authorization, both[1].headers.authorization);
    assert.equal(d.attempts[0].request.headers.find((h: { name: string }) => h.name === 'authorization').value, '****');

    const issued = [...new Set(plain.requests.map((r) => String(r.headers.authorization ?? '').replace(/^Bearer /, '')))].filter(Boolean);
    const places: Record<string, string> = {
      database: JSON.stringify([await svc.db.query(`SELECT * FROM subscriptions`), await svc.db.query(`SELECT * FROM attempts`)]),
      'API reads': JSON.stringify([sub.body, (await svc.api('GET', `/v1/subscriptions/${sub.body.id}`)).body, d]),
      history: JSON.stringify(await svc.app.get(Client).workflow.getHandle(`delivery-${d.id}`).fetchHistory()),
      logs: readFileSync(logFile, 'utf8'),
    };
    for (const [where, text] of Object.entries(places))
      for (const secret of [CLIENTS['many-deliveries'], ...issued])
        assert.ok(!text.includes(secret), `${where} holds ${secret.slice(0, 8)}...`);
  });

  it('OAuth2: a token is fetched again shortly before it expires', async () => {
    tokens.expiresIn = 1;
    try {
      await svc.api('POST', '/v1/subscriptions', {
        url: `${plain.url}/short`,
        events: ['ledger.posted'],
        ping: false,
        auth: oauth2('short-lived'),
      });
      const first = await sendEvent(svc, 'ledger.posted', { n: 'first' });
      await delivery(first.deliveries.find((x) => x.subscriptionId)!.id, () => true);
      await eventually(async () => (plain.requests.some((r) => r.path === '/short') ? true : undefined));
      assert.equal(tokens.requestsOf('short-lived').length, 1);
      await new Promise((r) => setTimeout(r, 1200));
      await sendEvent(svc, 'ledger.posted', { n: 'second' });
      await eventually(async () => (plain.requests.filter((r) => r.path === '/short').length >= 2 ? true : undefined));
      assert.equal(tokens.requestsOf('short-lived').length, 2, 'the expired token was not used again');
      assert.ok(plain.requests.filter((r) => r.path === '/short').every((r) => r.headers.authorization));
    } finally {
      tokens.expiresIn = 3600;
    }
  });

  it('OAuth2: a wrong client secret gives `auth` attempts, retried, naming the token endpoint’s answer but never the secret', async () => {
    const WRONG = 'cs-definitely-wrong-7731';
    const sub = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/wrong`,
      events: ['vault.opened'],
      ping: false,
      retrySchedule: [1],
      auth: oauth2('wrong-secret', WRONG),
    });
    const event = await sendEvent(svc, 'vault.opened', { door: 3 });
    const id = event.deliveries.find((x) => x.subscriptionId === sub.body.id)!.id;
    const d = await delivery(id, (x) => x.status === 'failed');
    assert.equal(d.attempts.length, 2);
    for (const attempt of d.attempts) {
      assert.equal(attempt.error.type, 'auth');
      assert.equal(attempt.statusCode, null);
      assert.match(attempt.error.message, /token endpoint http:\/\/127\.0\.0\.1:\d+\/oauth\/token answered 401: .*invalid_client/);
      assert.ok(!attempt.error.message.includes(WRONG));
    }
    assert.equal(tokens.requestsOf('wrong-secret').length, 2);
    assert.equal(plain.requests.filter((r) => r.path === '/wrong').length, 0, 'nothing was sent without a token');
    assert.ok(!readFileSync(logFile, 'utf8').includes(WRONG));
  });

  it('transforms: compile checked with its position, not with form, tried by /v1/transformations/test', async () => {
    const bad = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/t`,
      events: ['pay.made'],
      ping: false,
      transform: '{ "a": data.',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].field, 'transform');
    assert.match(bad.body.errors[0].message, /^does not compile: .* at position \d+/);
    const form = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/t`,
      events: ['pay.made'],
      ping: false,
      payloadFormat: 'form',
      transform: '{ "a": 1 }',
    });
    assert.equal(form.status, 422);
    assert.deepEqual(
      form.body.errors.map((e: { field: string }) => e.field),
      ['transform'],
    );

    const tried = await svc.api('POST', '/v1/transformations/test', {
      transform: '{ "kind": type, "cents": data.amount * 100 }',
      type: 'pay.made',
      data: { amount: 42 },
    });
    assert.equal(tried.status, 200, JSON.stringify(tried.body));
    assert.deepEqual(tried.body, { body: { kind: 'pay.made', cents: 4200 } });
    const raw = await svc.api('POST', '/v1/transformations/test', {
      transform: '{ "n": amount }',
      type: 'pay.made',
      data: { amount: 7 },
      payloadFormat: 'raw',
    });
    assert.deepEqual(raw.body, { body: { n: 7 } });
    const failing = await svc.api('POST', '/v1/transformations/test', { transform: '$error("nope")', type: 'pay.made', data: {} });
    assert.equal(failing.status, 422);
    assert.equal(failing.body.errors[0].field, 'transform');
    assert.match(failing.body.errors[0].message, /nope/);
    const formTry = await svc.api('POST', '/v1/transformations/test', {
      transform: '{}',
      type: 'pay.made',
      data: {},
      payloadFormat: 'form',
    });
    assert.equal(formTry.status, 422);
  });

  it('transforms: the receiver gets the transformed body, signed; a failing transform sends nothing (`transform`); the event keeps its data', async () => {
    const sub = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/shaped`,
      events: ['pay.made'],
      ping: false,
      transform: '{ "kind": type, "cents": data.amount * 100, "eventId": id }',
    });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    assert.equal(sub.body.transform, '{ "kind": type, "cents": data.amount * 100, "eventId": id }');
    const broken = await svc.api('POST', '/v1/subscriptions', {
      url: `${plain.url}/broken`,
      events: ['pay.made'],
      ping: false,
      retrySchedule: [],
      transform: '$error("cannot shape this")',
    });
    const event = await sendEvent(svc, 'pay.made', { amount: 42, note: 'kept' });
    const [got] = await eventually(async () => {
      const r = plain.requests.filter((x) => x.path === '/shaped');
      return r.length ? r : undefined;
    });
    assert.equal(got.body, `{"kind":"pay.made","cents":4200,"eventId":"${event.id}"}`);
    new Webhook(sub.body.secret).verify(got.body, got.headers as Record<string, string>);
    const shaped = await delivery(event.deliveries.find((d) => d.subscriptionId === sub.body.id)!.id, (d) => d.status === 'succeeded');
    const length = shaped.attempts[0].request.headers.find((h: { name: string }) => h.name === 'content-length').value;
    assert.equal(Number(length), Buffer.byteLength(got.body), 'the capture describes the body as sent');

    const failed = await delivery(event.deliveries.find((d) => d.subscriptionId === broken.body.id)!.id, (d) => d.status === 'failed');
    assert.equal(failed.attempts.length, 1);
    assert.equal(failed.attempts[0].error.type, 'transform');
    assert.match(failed.attempts[0].error.message, /cannot shape this/);
    assert.equal(plain.requests.filter((x) => x.path === '/broken').length, 0, 'nothing was sent');
    assert.deepEqual((await svc.api('GET', `/v1/events/${event.id}`)).body.data, { amount: 42, note: 'kept' });
  });
});
