import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as ed from '@noble/ed25519';
import { calculateJwkThumbprint, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { SubscriptionKeys } from '../../src/subscriptions/subscription-keys.js';
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

/**
 * What a receiver does with the JWK Set, by jose alone: for each key of the set, jose picks it by `kid` and imports
 * it (an Ed25519 CryptoKey); Web Crypto checks each `v1a` entry with it (a `v1a` signature carries no kid, so a
 * receiver tries the set's keys: at most two). Answers the kids that verified one of the entries.
 */
async function kidsVerifying(req: ReceivedRequest, jwks: JSONWebKeySet): Promise<string[]> {
  const keyFor = createLocalJWKSet(jwks);
  const signed = Buffer.from(`${req.headers['webhook-id']}.${req.headers['webhook-timestamp']}.${req.body}`, 'utf8');
  const signatures = String(req.headers['webhook-signature'])
    .split(' ')
    .map((part) => part.split(','))
    .filter(([version]) => version === 'v1a')
    .map(([, signature]) => Buffer.from(signature, 'base64'));
  const kids: string[] = [];
  for (const { kid } of jwks.keys) {
    const key = await keyFor({ alg: 'EdDSA', kid });
    for (const signature of signatures) if (await crypto.subtle.verify('Ed25519', key, signature, signed)) kids.push(kid!);
  }
  return kids;
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

  it('serves its keys as a JWK Set: a receiver verifies v1a with jose, the previous key present during a grace', async () => {
    const sub = await createSubscription(svc, { url: `${receiver.url}/jwks`, events: ['key.test'], signature: { scheme: 'ed25519' } });
    const jwksOf = async () => {
      const res = await svc.api('GET', `/v1/subscriptions/${sub.id}/jwks`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as JSONWebKeySet;
    };
    const first = await jwksOf();
    assert.equal(first.keys.length, 1);
    const [key] = first.keys;
    assert.deepEqual(Object.keys(key).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    assert.deepEqual({ kty: key.kty, crv: key.crv, use: key.use, alg: key.alg }, { kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });
    assert.equal(Buffer.from(key.x!, 'base64url').toString('base64'), sub.signature.publicKey.replace(/^whpk_/, ''), 'the whpk_ key');
    assert.equal(key.kid, await calculateJwkThumbprint(key), 'kid is the RFC 7638 thumbprint');

    const before = await deliverOne('/jwks');
    assert.deepEqual(await kidsVerifying(before, first), [key.kid]);
    assert.deepEqual(await kidsVerifying({ ...before, body: before.body.replace('"n"', '"m"') }, first), [], 'a changed byte fails');

    await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, { graceSeconds: 3600 });
    const during = await jwksOf();
    assert.equal(during.keys.length, 2, 'the previous key stays in the set while the grace runs');
    assert.notEqual(during.keys[0].kid, key.kid, 'the current key first');
    assert.deepEqual(during.keys[1], key, 'the previous key, its kid unchanged');
    const both = await deliverOne('/jwks');
    assert.deepEqual((await kidsVerifying(both, during)).sort(), [during.keys[0].kid, key.kid].sort(), 'each signature by its own key');
    assert.deepEqual(await kidsVerifying(both, first), [key.kid], 'a receiver with the old set still verifies one');

    await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, {});
    const after = await jwksOf();
    assert.equal(after.keys.length, 1, 'no grace: only the new key');
    assert.deepEqual(await kidsVerifying(await deliverOne('/jwks'), after), [after.keys[0].kid]);

    const hmac = await createSubscription(svc, { url: `${receiver.url}/jwks-hmac`, events: ['nothing.*'] });
    const empty = await svc.api('GET', `/v1/subscriptions/${hmac.id}/jwks`);
    assert.equal(empty.status, 200, JSON.stringify(empty.body));
    assert.deepEqual(empty.body, { keys: [] }, 'a shared secret has no public key: an empty set');
    assert.equal((await svc.api('GET', '/v1/subscriptions/sub_nope/jwks')).status, 404);
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

    // A rotation that read the scheme before a PATCH changed it writes nothing: 409, the stored key stays.
    const [before] = await svc.db.query(`SELECT tenant_id, secret FROM subscriptions WHERE id = $1`, [sub.id]);
    await assert.rejects(
      svc.app.get(SubscriptionKeys).rotate(before.tenant_id, sub.id, 'ed25519', 0),
      (err: Error & { status?: number }) => {
        assert.equal(err.status, 409);
        assert.match(err.message, /changed its signature scheme meanwhile/);
        return true;
      },
    );
    const [afterRace] = await svc.db.query(`SELECT secret FROM subscriptions WHERE id = $1`, [sub.id]);
    assert.equal(afterRace.secret, before.secret);
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
