import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as ed from '@noble/ed25519';
import { createEventType, createSubscription, sendEvent } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/**
 * Verifies Standard Webhooks `v1a` with an independent Ed25519 implementation (@noble/ed25519), never with the
 * service's own signing code: each signature in the header that verifies with `publicKey` over
 * `{webhook-id}.{webhook-timestamp}.{body}`.
 */
async function verifiedBy(req: ReceivedRequest, publicKey: string): Promise<number> {
  const key = Buffer.from(publicKey.replace(/^whpk_/, ''), 'base64');
  const signed = Buffer.from(`${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${req.body}`, 'utf8');
  let verified = 0;
  for (const part of String(req.headers['webhook-signature']).split(' ')) {
    const [version, signature] = part.split(',');
    if (version === 'v1a' && (await ed.verifyAsync(Buffer.from(signature, 'base64'), signed, key))) verified++;
  }
  return verified;
}

describe('ed25519 signatures (Standard Webhooks v1a)', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    svc = await startService('ed25519');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'key.test');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  const deliverOne = async (path: string): Promise<ReceivedRequest> => {
    const before = receiver.requests.filter((r) => r.path === path).length;
    await sendEvent(svc, 'key.test', { n: before });
    for (let i = 0; i < 300; i++) {
      const got = receiver.requests.filter((r) => r.path === path);
      if (got.length > before) return got[before];
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nothing arrived on ${path}`);
  };

  it('signs with a sealed private key; receivers verify with the public key, readable at any time', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/ed`, events: ['key.test'], signature: { scheme: 'ed25519' } });
    assert.equal(sub.secret, null, 'the signing key is never shown');
    assert.match(sub.signature.publicKey, /^whpk_[A-Za-z0-9+/]{43}=$/);
    const read = await svc.api('GET', `/v1/subscriptions/${sub.id}/public-key`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(read.body, { publicKey: sub.signature.publicKey, previous: null });

    const req = await deliverOne('/ed');
    assert.match(String(req.headers['webhook-signature']), /^v1a,[A-Za-z0-9+/]+={0,2}$/);
    assert.equal(await verifiedBy(req, sub.signature.publicKey), 1);
    // A changed byte, or another key, does not verify.
    assert.equal(await verifiedBy({ ...req, body: req.body.replace('"n"', '"m"') }, sub.signature.publicKey), 0);
    const other = await createSubscription(svc, { url: `${receiver.url}/other`, events: ['nothing.*'], signature: { scheme: 'ed25519' } });
    assert.equal(await verifiedBy(req, other.signature.publicKey), 0);

    const [row] = await svc.db.query(`SELECT secret, public_key FROM subscriptions WHERE id = $1`, [sub.id]);
    assert.ok(!row.secret.includes('whsk_'), 'the signing key is sealed at rest');
    assert.equal(row.public_key, sub.signature.publicKey);
  });

  it('rotates with a grace: both keys sign until it ends; without one, only the new key', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/rot`, events: ['key.test'], signature: { scheme: 'ed25519' } });
    const oldKey = sub.signature.publicKey as string;
    const rotated = await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, { graceSeconds: 3600 });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.equal(rotated.body.secret, null);
    const newKey = rotated.body.publicKey as string;
    assert.match(newKey, /^whpk_/);
    assert.notEqual(newKey, oldKey);
    const keys = await svc.api('GET', `/v1/subscriptions/${sub.id}/public-key`);
    assert.equal(keys.body.publicKey, newKey);
    assert.equal(keys.body.previous.publicKey, oldKey);
    assert.ok(Date.parse(keys.body.previous.expiresAt) > Date.now() + 3500_000);

    const during = await deliverOne('/rot');
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    assert.equal(await verifiedBy(during, newKey), 1);
    assert.equal(await verifiedBy(during, oldKey), 1);

    const again = await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, {});
    const newest = again.body.publicKey as string;
    const afterwards = await deliverOne('/rot');
    assert.equal(String(afterwards.headers['webhook-signature']).split(' ').length, 1);
    assert.equal(await verifiedBy(afterwards, newest), 1);
    assert.equal(await verifiedBy(afterwards, newKey), 0);
    assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.id}/public-key`)).body.previous, null);
  });

  it('moves between HMAC and ed25519 with new key material of the right kind; 409 for a public key of HMAC', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/move`, events: ['key.test'] });
    assert.match(sub.secret, /^whsec_/);
    const noKey = await svc.api('GET', `/v1/subscriptions/${sub.id}/public-key`);
    assert.equal(noKey.status, 409);
    assert.match(noKey.body.detail, /standard-webhooks/);

    const toEd = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { signature: { scheme: 'ed25519' } });
    assert.equal(toEd.status, 200, JSON.stringify(toEd.body));
    assert.equal(toEd.body.secret, undefined);
    const req = await deliverOne('/move');
    assert.equal(await verifiedBy(req, toEd.body.signature.publicKey), 1);

    const back = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { signature: { scheme: 'standard-webhooks' } });
    assert.match(back.body.secret, /^whsec_/, 'the new shared secret is shown once');
    assert.notEqual(back.body.secret, sub.secret);
    assert.equal(back.body.signature.publicKey, null);
    assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.id}`)).body.secret, undefined);
  });

  it('refuses what ed25519 does not take, naming the field', async () => {
    const res = await svc.api('POST', '/v1/subscriptions', {
      url: receiver.url,
      events: ['key.test'],
      signature: { scheme: 'ed25519', timestamped: true },
      ping: false,
    });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.errors.map((e: { field: string }) => e.field),
      ['signature.timestamped'],
    );
  });
});
