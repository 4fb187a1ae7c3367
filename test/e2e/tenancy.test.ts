import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HookrelayClient, HookrelayError } from '../../clients/typescript/src/index.js';
import { eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type ApiInit, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-tenancy-tests';
const MISSING_SCOPE = 'https://hookrelay.dev/problems/missing-scope';

describe('acting for tenants (Hookrelay-Tenant) and scoped keys', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  const logFile = join(mkdtempSync(join(tmpdir(), 'hookrelay-log-')), 'service.log');
  let tenant: { id: string; name: string; externalId: string; apiKey: string };
  let operator: { id: string; apiKey: string; scopes: string[] };

  /** A call as tenant `tenant` by its own key (or `key`). */
  const as = (key: string, headers?: Record<string, string>): ApiInit => ({ key, headers });
  const auditLines = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['msg'] === 'operator acting for tenant');

  before(async () => {
    svc = await startService('tenancy', { ADMIN_API_KEY: ADMIN, LOG_FILE: logFile, LOG_LEVEL: 'info' });
    receiver = await TestReceiver.start();
    const created = await svc.api('POST', '/v1/tenants', { name: 'globex', externalId: 'crm:globex-42' }, { key: ADMIN });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    tenant = created.body;
    const made = await svc.api('POST', '/v1/operator-keys', {}, { key: ADMIN });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    operator = made.body;
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('writes one request line per request at LOG_LEVEL=info, with its tenant', async () => {
    assert.equal((await svc.api('GET', '/v1/event-types?limit=7', undefined, as(tenant.apiKey))).status, 200);
    const line = await eventually(
      async () =>
        readFileSync(logFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { msg?: string; tenantId?: string; req?: { url?: string } })
          .find((l) => l.msg === 'request completed' && l.req?.url === '/v1/event-types?limit=7'),
      10_000,
      'the request line',
    );
    assert.equal(line.tenantId, tenant.id);
  });

  it('creates tenants with a unique, validated externalId shown in tenant views', async () => {
    assert.equal(tenant.externalId, 'crm:globex-42');
    assert.equal((await svc.api('GET', `/v1/tenants/${tenant.id}`, undefined, { key: ADMIN })).body.externalId, 'crm:globex-42');
    const taken = await svc.api('POST', '/v1/tenants', { name: 'globex-2', externalId: 'crm:globex-42' }, { key: ADMIN });
    assert.equal(taken.status, 409);
    assert.deepEqual(taken.body.errors, [{ field: 'externalId', message: 'already exists' }]);
    for (const bad of ['ten_lookalike', 'has space', '', 'x'.repeat(101)]) {
      const res = await svc.api('POST', '/v1/tenants', { name: `bad-${bad.length}`, externalId: bad }, { key: ADMIN });
      assert.equal(res.status, 422, `externalId ${JSON.stringify(bad)}`);
      assert.equal(res.body.errors[0].field, 'externalId');
    }
    const plain = await svc.api('POST', '/v1/tenants', { name: 'no-external' }, { key: ADMIN });
    assert.equal(plain.status, 201);
    assert.equal(plain.body.externalId, null);
  });

  for (const how of ['ten_ id', 'externalId'] as const) {
    for (const who of ['an operator key', 'ADMIN_API_KEY'] as const) {
      it(`${who} acts for a tenant by ${how}: creates its subscription, posts its event, lists its deliveries`, async () => {
        const key = who === 'ADMIN_API_KEY' ? ADMIN : operator.apiKey;
        const acting = as(key, { 'Hookrelay-Tenant': how === 'externalId' ? tenant.externalId : tenant.id });
        const type = `acting.${how === 'externalId' ? 'ext' : 'id'}.${who === 'ADMIN_API_KEY' ? 'admin' : 'op'}`;
        assert.equal((await svc.api('POST', '/v1/event-types', { name: type }, acting)).status, 201);
        const sub = await svc.api('POST', '/v1/subscriptions', { url: `${receiver.url}/${type}`, events: [type], ping: false }, acting);
        assert.equal(sub.status, 201, JSON.stringify(sub.body));
        const event = await svc.api('POST', '/v1/events', { type, data: { n: 1 } }, acting);
        assert.equal(event.status, 202, JSON.stringify(event.body));
        assert.deepEqual(
          event.body.deliveries.map((d: { subscriptionId: string }) => d.subscriptionId),
          [sub.body.id],
        );
        const deliveries = await eventually(async () => {
          const list = await svc.api('GET', `/v1/deliveries?subscriptionId=${sub.body.id}`, undefined, acting);
          return list.body.data?.[0]?.status === 'succeeded' ? list.body.data : undefined;
        });
        assert.equal(deliveries[0].eventId, event.body.id);
        // It all belongs to the tenant: its own key sees it, the bootstrap tenant does not.
        assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.body.id}`, undefined, as(tenant.apiKey))).status, 200);
        assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.body.id}`)).status, 404);
      });
    }
  }

  it('answers a wrong use of the header with a problem that names it', async () => {
    const unknown = await svc.api('GET', '/v1/subscriptions', undefined, as(operator.apiKey, { 'Hookrelay-Tenant': 'ten_nobody' }));
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.detail, /Hookrelay-Tenant/);
    assert.equal(unknown.body.errors[0].field, 'Hookrelay-Tenant');
    const byExternal = await svc.api('GET', '/v1/subscriptions', undefined, as(ADMIN, { 'Hookrelay-Tenant': 'crm:nobody' }));
    assert.equal(byExternal.status, 404);

    const notOperator = await svc.api('GET', '/v1/subscriptions', undefined, as(tenant.apiKey, { 'Hookrelay-Tenant': tenant.id }));
    assert.equal(notOperator.status, 403);
    assert.equal(notOperator.body.type, MISSING_SCOPE);
    assert.match(notOperator.body.detail, /`operator`/);

    for (const key of [operator.apiKey, ADMIN]) {
      const missing = await svc.api('GET', '/v1/subscriptions', undefined, as(key));
      assert.equal(missing.status, 400);
      assert.equal(missing.body.type, 'https://hookrelay.dev/problems/tenant-required');
      assert.match(missing.body.detail, /Hookrelay-Tenant/);
    }
    // Operator keys act for tenants; administering them stays with ADMIN_API_KEY.
    assert.equal((await svc.api('POST', '/v1/tenants', { name: 'by-operator' }, as(operator.apiKey))).status, 401);
    assert.equal((await svc.api('POST', '/v1/operator-keys', {}, as(operator.apiKey))).status, 401);
    assert.equal((await svc.api('GET', `/v1/tenants/${tenant.id}`, undefined, as(ADMIN))).status, 200);
  });

  it('mints operator keys only with ADMIN_API_KEY: never through /v1/api-keys', async () => {
    for (const init of [as(tenant.apiKey), as(ADMIN, { 'Hookrelay-Tenant': tenant.id })]) {
      const res = await svc.api('POST', '/v1/api-keys', { scopes: ['operator'] }, init);
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].field, 'scopes.0');
      assert.match(res.body.errors[0].message, /operator-keys/);
    }
    const list = await svc.api('GET', '/v1/operator-keys', undefined, as(ADMIN));
    assert.deepEqual(list.body.data.find((k: { id: string }) => k.id === operator.id)?.scopes, [
      'operator',
      'ingest',
      'read',
      'manage',
      'admin',
    ]);
    assert.ok(!JSON.stringify(list.body).includes(operator.apiKey), 'no secrets listed');
  });

  it('stops a revoked operator key at once, whether revoked through the API or by another process', async () => {
    const acting = (key: string) => as(key, { 'Hookrelay-Tenant': tenant.id });
    const first = (await svc.api('POST', '/v1/operator-keys', {}, as(ADMIN))).body;
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, acting(first.apiKey))).status, 200, 'used (and kept in memory)');
    assert.equal((await svc.api('DELETE', `/v1/operator-keys/${first.id}`, undefined, as(ADMIN))).status, 204);
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, acting(first.apiKey))).status, 401);
    assert.equal((await svc.api('DELETE', '/v1/operator-keys/key_nope', undefined, as(ADMIN))).status, 404);

    const second = (await svc.api('POST', '/v1/operator-keys', {}, as(ADMIN))).body;
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, acting(second.apiKey))).status, 200);
    // Another process revokes it: only the change feed can tell this one.
    await svc.db.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [second.id]);
    await eventually(
      async () => ((await svc.api('GET', '/v1/subscriptions', undefined, acting(second.apiKey))).status === 401 ? true : undefined),
      5_000,
      'the revoked operator key refused',
    );
  });

  it('logs one audit line per request an operator makes for a tenant, with both identities', async () => {
    const before = auditLines().length;
    await svc.api('GET', '/v1/event-types', undefined, as(operator.apiKey, { 'Hookrelay-Tenant': tenant.externalId }));
    await svc.api('GET', '/v1/event-types', undefined, as(ADMIN, { 'Hookrelay-Tenant': tenant.id }));
    await svc.api('GET', '/v1/event-types', undefined, as(tenant.apiKey));
    const lines = auditLines().slice(before);
    assert.equal(lines.length, 2, JSON.stringify(lines));
    assert.deepEqual(
      lines.map((l) => [l['operator'], l['tenantId'], l['tenantHeader'], l['method'], l['path']]),
      [
        [operator.id, tenant.id, tenant.externalId, 'GET', '/v1/event-types'],
        ['admin', tenant.id, tenant.id, 'GET', '/v1/event-types'],
      ],
    );
  });

  it('gives a key only its scopes, with a 403 that names the missing one', async () => {
    const mint = async (scopes: string[]) => {
      const res = await svc.api('POST', '/v1/api-keys', { scopes }, as(tenant.apiKey));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(res.body.scopes, scopes);
      return res.body.apiKey as string;
    };
    const refused = async (method: string, path: string, key: string, scope: string, body?: unknown) => {
      const res = await svc.api(method, path, body, as(key));
      assert.equal(res.status, 403, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.type, MISSING_SCOPE);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(res.body.detail.includes(`\`${scope}\``), res.body.detail);
    };
    await svc.api('POST', '/v1/event-types', { name: 'scoped.thing' }, as(tenant.apiKey));

    const ingest = await mint(['ingest']);
    assert.equal((await svc.api('POST', '/v1/events', { type: 'scoped.thing', data: {} }, as(ingest))).status, 202);
    assert.equal((await svc.api('POST', '/v1/events/batch', { events: [{ type: 'scoped.thing', data: {} }] }, as(ingest))).status, 202);
    await refused('GET', '/v1/events', ingest, 'read');
    await refused('GET', '/v1/subscriptions', ingest, 'read');
    await refused('POST', '/v1/subscriptions', ingest, 'subscriptions', { url: receiver.url, events: ['scoped.thing'] });

    const read = await mint(['read']);
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, as(read))).status, 200);
    assert.equal((await svc.api('GET', '/v1/events', undefined, as(read))).status, 200);
    await refused('POST', '/v1/subscriptions', read, 'subscriptions', { url: receiver.url, events: ['scoped.thing'] });
    await refused('POST', '/v1/events', read, 'ingest', { type: 'scoped.thing', data: {} });
    await refused('GET', '/v1/api-keys', read, 'admin');

    const manage = await mint(['manage']);
    const sub = await svc.api('POST', '/v1/subscriptions', { url: receiver.url, events: ['scoped.thing'], ping: false }, as(manage));
    assert.equal(sub.status, 201);
    assert.equal((await svc.api('GET', `/v1/subscriptions/${sub.body.id}`, undefined, as(manage))).status, 200, 'manage includes read');
    assert.equal((await svc.api('POST', '/v1/events', { type: 'scoped.thing', data: {} }, as(manage))).status, 202, 'and ingest');
    await refused('POST', '/v1/api-keys', manage, 'admin', { scopes: ['read'] });
    await refused('GET', '/v1/api-keys', manage, 'admin');

    const admin = await mint(['admin']);
    assert.equal((await svc.api('POST', '/v1/api-keys', { scopes: ['ingest', 'read'] }, as(admin))).status, 201);

    // An operator restricted to reading acts for the tenant with just that.
    const reader = (await svc.api('POST', '/v1/operator-keys', { scopes: ['read'] }, as(ADMIN))).body;
    assert.deepEqual(reader.scopes, ['operator', 'read']);
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, as(reader.apiKey, { 'Hookrelay-Tenant': tenant.id }))).status, 200);
    const denied = await svc.api(
      'DELETE',
      `/v1/subscriptions/${sub.body.id}`,
      undefined,
      as(reader.apiKey, { 'Hookrelay-Tenant': tenant.id }),
    );
    assert.equal(denied.status, 403);
    assert.match(denied.body.detail, /`subscriptions`/);

    // Keys made without scopes, and every key made before scopes existed, have them all.
    const list = await svc.api('GET', '/v1/api-keys', undefined, as(tenant.apiKey));
    const scopesOf = (id: string) => list.body.data.find((k: { id: string }) => k.id === id)?.scopes;
    const [{ id: firstKeyId }] = await svc.db.query(`SELECT id FROM api_keys WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`, [
      tenant.id,
    ]);
    assert.deepEqual(scopesOf(firstKeyId), ['ingest', 'read', 'manage', 'admin']);
  });

  it('expires keys at their instant, even while kept in memory; refuses an expiry in the past', async () => {
    const past = await svc.api('POST', '/v1/api-keys', { expiresAt: new Date(Date.now() - 1000).toISOString() }, as(tenant.apiKey));
    assert.equal(past.status, 422);
    assert.deepEqual(
      past.body.errors.map((e: { field: string }) => e.field),
      ['expiresAt'],
    );
    assert.equal((await svc.api('POST', '/v1/api-keys', { expiresAt: 'tomorrow' }, as(tenant.apiKey))).status, 422);

    const expiresAt = new Date(Date.now() + 2_000).toISOString();
    const made = await svc.api('POST', '/v1/api-keys', { expiresAt, scopes: ['read', 'ingest'] }, as(tenant.apiKey));
    assert.equal(made.status, 201);
    assert.equal(made.body.expiresAt, expiresAt);
    const listed = (await svc.api('GET', '/v1/api-keys', undefined, as(tenant.apiKey))).body.data.find(
      (k: { id: string }) => k.id === made.body.id,
    );
    assert.deepEqual([listed.expiresAt, listed.scopes], [expiresAt, ['read', 'ingest']]);

    assert.equal(
      (await svc.api('GET', '/v1/event-types', undefined, as(made.body.apiKey))).status,
      200,
      'valid until then (and now cached)',
    );
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 50));
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM api_keys WHERE id = $1 AND revoked_at IS NULL`, [made.body.id]);
    assert.equal(n, 1, 'nothing changed in the database: only the clock');
    const expired = await svc.api('GET', '/v1/event-types', undefined, as(made.body.apiKey));
    assert.equal(expired.status, 401);
    assert.match(expired.body.detail, /expired/);
    assert.equal((await svc.api('POST', '/v1/events', { type: 'scoped.thing', data: {} }, as(made.body.apiKey))).status, 401);

    const operatorPast = await svc.api('POST', '/v1/operator-keys', { expiresAt: '2001-01-01T00:00:00Z' }, as(ADMIN));
    assert.equal(operatorPast.status, 422);
  });

  it('typed client: the `tenant` option (and forTenant) sends Hookrelay-Tenant; apiKeys mints scoped keys', async () => {
    const asOperator = new HookrelayClient({ baseUrl: svc.baseUrl, apiKey: operator.apiKey, retries: 0 });
    await assert.rejects(asOperator.eventTypes.list(), (err: unknown) => err instanceof HookrelayError && err.status === 400);
    const acting = asOperator.forTenant(tenant.externalId);
    const types = await acting.eventTypes.list();
    assert.ok(types.data.some((t) => t.name === 'webhook.ping'));
    const key = await acting.apiKeys.create({ scopes: ['read'] });
    assert.deepEqual(key.scopes, ['read']);
    const reader = new HookrelayClient({ baseUrl: svc.baseUrl, apiKey: key.apiKey, retries: 0 });
    await assert.rejects(
      reader.apiKeys.list(),
      (err: unknown) => err instanceof HookrelayError && err.status === 403 && /`admin`/.test(err.message),
    );
    assert.ok((await acting.apiKeys.list()).data.some((k) => k.id === key.id));
    await acting.apiKeys.revoke(key.id);
    await assert.rejects(reader.eventTypes.list(), (err: unknown) => err instanceof HookrelayError && err.status === 401);
  });
});
