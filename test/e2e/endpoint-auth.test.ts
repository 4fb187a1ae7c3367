import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { createEventType, eventually, sendEvent } from '../helpers/factories.js';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** The base64 body of a PEM block: what would show if a key leaked in any encoding-preserving copy. */
const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('endpoints that enterprises run: mutual TLS', () => {
  let svc: TestService;
  let receiver: TestReceiver;
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
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
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
});
