import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-tests';

describe('tenants and API keys: nobody gets in, no tenant sees another', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    // The walk below sends well over a hundred wrong keys from one address: the failed-auth limit would answer 429.
    svc = await startService('tenants', { ADMIN_API_KEY: ADMIN, AUTH_FAILURES_PER_MINUTE: '1000000' });
    receiver = await TestReceiver.start();
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('creates tenants with the admin key only, each with a key shown once and stored hashed', async () => {
    assert.equal((await svc.api('POST', '/v1/tenants', { name: 'acme' })).status, 401, 'a tenant key is not the admin key');
    assert.equal((await svc.api('POST', '/v1/tenants', { name: 'acme' }, { key: 'wrong' })).status, 401);
    const created = await svc.api('POST', '/v1/tenants', { name: 'acme' }, { key: ADMIN });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^ten_/);
    assert.match(created.body.apiKey, /^whk_/);
    assert.equal((await svc.api('POST', '/v1/tenants', { name: 'acme' }, { key: ADMIN })).status, 409);
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM api_keys WHERE key_hash = $1 OR key_hash LIKE '%' || $2 || '%'`, [
      created.body.apiKey,
      created.body.apiKey.slice(4, 20),
    ]);
    assert.equal(n, 0, 'the clear key is not stored');
    const types = await svc.api('GET', '/v1/event-types', undefined, { key: created.body.apiKey });
    assert.ok(
      types.body.data.some((t: { name: string }) => t.name === 'webhook.ping'),
      'built-in types exist for the new tenant',
    );
  });

  it('manages keys: several per tenant, listed without secrets, revocation effective at once', async () => {
    const second = await svc.api('POST', '/v1/api-keys');
    assert.equal(second.status, 201);
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, { key: second.body.apiKey })).status, 200);
    const list = await svc.api('GET', '/v1/api-keys');
    assert.ok(list.body.data.some((k: { id: string }) => k.id === second.body.id));
    assert.ok(!JSON.stringify(list.body).includes(second.body.apiKey));
    assert.equal(
      (await svc.api('DELETE', `/v1/api-keys/${second.body.id}`, undefined, { key: second.body.apiKey })).status,
      409,
      'not the key in use',
    );
    assert.equal((await svc.api('DELETE', `/v1/api-keys/${second.body.id}`)).status, 204);
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, { key: second.body.apiKey })).status, 401);
  });

  it('walks every /v1 route of /openapi.json: no key, wrong key, revoked key -> 401; another tenant (its key, a scoped key, an operator acting for it) -> 404 or 403, nothing leaked or changed', async () => {
    // Tenant A (bootstrap key) owns one of everything.
    await createEventType(svc, 'walk.done');
    const sub = await createSubscription(svc, { url: receiver.url, events: ['walk.done'] });
    const event = await sendEvent(svc, 'walk.done', { secretData: 'tenant-a-only' });
    const deliveryId = event.deliveries[0].id;
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${deliveryId}`)).body.status === 'succeeded' ? true : undefined));
    const aKey = (await svc.api('POST', '/v1/api-keys')).body;
    const revoked = (await svc.api('POST', '/v1/api-keys')).body;
    await svc.api('DELETE', `/v1/api-keys/${revoked.id}`);
    const other = (await svc.api('POST', '/v1/tenants', { name: 'other', externalId: 'other-ext' }, { key: ADMIN })).body;
    const operatorKey = (await svc.api('POST', '/v1/operator-keys', {}, { key: ADMIN })).body;
    const otherReadKey = (await svc.api('POST', '/v1/api-keys', { scopes: ['read'] }, { key: other.apiKey })).body;
    const otherManageKey = (await svc.api('POST', '/v1/api-keys', { scopes: ['manage'] }, { key: other.apiKey })).body;
    assert.ok(operatorKey.apiKey && otherReadKey.apiKey && otherManageKey.apiKey, 'the attackers have their keys');
    // Everyone who is not tenant A: a 404 for A's resources, or a 403 where the credential lacks the route's scope.
    const attackers: { label: string; key: string; headers?: Record<string, string>; tenantKey: boolean }[] = [
      { label: 'another tenant', key: other.apiKey, tenantKey: true },
      { label: "another tenant's read key", key: otherReadKey.apiKey, tenantKey: true },
      { label: "another tenant's manage key", key: otherManageKey.apiKey, tenantKey: true },
      {
        label: 'an operator key acting for another tenant',
        key: operatorKey.apiKey,
        headers: { 'Hookrelay-Tenant': other.id },
        tenantKey: false,
      },
      {
        label: 'ADMIN_API_KEY acting for another tenant by externalId',
        key: ADMIN,
        headers: { 'Hookrelay-Tenant': 'other-ext' },
        tenantKey: false,
      },
    ];

    const ids: Record<string, string> = { id: sub.id, name: 'walk.done' };
    const idFor = (path: string, param: string) =>
      param === 'name'
        ? ids.name
        : path.startsWith('/v1/events')
          ? event.id
          : path.startsWith('/v1/deliveries')
            ? deliveryId
            : path.startsWith('/v1/api-keys')
              ? aKey.id
              : ids.id;
    const validBodies: Record<string, unknown> = {
      'POST /v1/subscriptions/{id}/recover': { since: new Date(Date.now() - 3600_000).toISOString() },
      'POST /v1/subscriptions/{id}/rotate-secret': { graceSeconds: 0 },
      'POST /v1/subscriptions/{id}/test': {},
      'POST /v1/subscriptions/{id}/lines/skip': { orderingKey: '' },
      'PATCH /v1/subscriptions/{id}': { name: 'stolen' },
      'PATCH /v1/event-types/{name}': { description: 'stolen' },
    };
    const doc = (await svc.api('GET', '/openapi.json', undefined, { key: null })).body;
    let walked = 0;
    for (const [template, operations] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
      if (!template.startsWith('/v1/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const adminOnly = operation['x-required-credential'] === 'ADMIN_API_KEY';
        // Creating tenants and operator keys: covered above and in tenancy.test.ts; nothing of tenant A to reach.
        if (adminOnly && method === 'post') continue;
        const path = template.replace(/\{(\w+)\}/g, (_, p: string) => idFor(template, p));
        const label = `${method.toUpperCase()} ${template}`;
        const body = method === 'get' || method === 'delete' ? undefined : (validBodies[label] ?? {});
        for (const key of [null, 'whk_wrong', revoked.apiKey]) {
          const res = await svc.api(method.toUpperCase(), path, body, { key });
          assert.equal(res.status, 401, `${label} with key ${key}: ${res.status}`);
          assert.equal(res.body.status, 401);
        }
        for (const attacker of attackers) {
          if (adminOnly && !attacker.tenantKey) continue;
          const res = await svc.api(method.toUpperCase(), path, body, { key: attacker.key, headers: attacker.headers });
          const what = `${label} as ${attacker.label}: ${res.status} ${JSON.stringify(res.body)}`;
          if (adminOnly) {
            // Admin routes: no tenant key opens them, not even the tenant's own (ingest-quota.test.ts has more).
            assert.equal(res.status, 401, what);
          } else if (res.status === 403) {
            assert.equal(res.body.type, 'https://hookrelay.dev/problems/missing-scope', what);
            assert.ok(!attacker.label.includes('acting') && attacker.label !== 'another tenant', `full rights get no 403: ${what}`);
          } else if (template.includes('{')) {
            assert.equal(res.status, 404, what);
          } else {
            assert.ok(res.status < 500, what);
          }
          const text = JSON.stringify(res.body);
          // An id the caller put in the path may be echoed back in the 404; anything else of tenant A may not appear.
          for (const secret of [sub.id, event.id, deliveryId, 'tenant-a-only', sub.secret].filter((v) => !path.includes(v))) {
            assert.ok(!text.includes(secret), `${label} as ${attacker.label} leaked ${secret}`);
          }
        }
        walked++;
      }
    }
    assert.ok(walked >= 20, `walked ${walked} routes`);
    const still = await svc.api('GET', `/v1/subscriptions/${sub.id}`, undefined, { key: aKey.apiKey });
    assert.equal(still.body.name, sub.name, 'another tenant changed nothing');
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE tenant_id = $1`, [other.id]);
    assert.equal(n, 0, 'nothing was created for tenant A under another tenant');
    console.log(`[tenants] walked ${walked} /v1 operations x ${3 + attackers.length} credentials`);
  });
});
