import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HookrelayClient, HookrelayError } from '../../clients/typescript/src/index.js';
import { createApp } from '../../src/app.js';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import { PortalTokens } from '../../src/portal-sessions/portal-token.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { callApi, startService, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-portal-tests';
const logFile = join(mkdtempSync(join(tmpdir(), 'hookrelay-portal-log-')), 'service.log');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0].slice(4), 'base64url').toString()) as { sid: string };
const FRAMER = 'https://app.example.com';

describe('portal sessions: short-lived console links for one tenant', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let subId: string;
  let deliveryId: string;
  let eventId: string;
  let other: { key: string; subId: string; tenantId: string };

  const portal = async (body: Record<string, unknown> = {}, key?: string) => {
    const res = await svc.api('POST', '/v1/portal-sessions', body, { key });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { url: string; token: string; expiresAt: string };
  };
  const as = (token: string, method: string, path: string, body?: unknown) => svc.api(method, path, body, { key: token });

  before(async () => {
    svc = await startService('portal-sessions', {
      ADMIN_API_KEY: ADMIN,
      PORTAL_FRAME_ANCESTORS: FRAMER,
      LOG_FILE: logFile,
      LOG_LEVEL: 'info',
    });
    receiver = await TestReceiver.start();
    receiver.respond(() => ({ status: 200 }));
    await createEventType(svc, 'job.created');
    subId = (await createSubscription(svc, { url: `${receiver.url}/a`, events: ['job.created'], name: 'Tenant A hook' })).id;
    const event = await sendEvent(svc, 'job.created', { jobId: 'j1' });
    eventId = event.id;
    deliveryId = event.deliveries[0].id;
    const tenant = await svc.api('POST', '/v1/tenants', { name: 'other' }, { key: ADMIN });
    const otherKey = tenant.body.apiKey as string;
    await svc.api('POST', '/v1/event-types', { name: 'job.created' }, { key: otherKey });
    const otherSub = await svc.api(
      'POST',
      '/v1/subscriptions',
      { url: `${receiver.url}/b`, events: ['job.created'], ping: false },
      { key: otherKey },
    );
    other = { key: otherKey, subId: otherSub.body.id, tenantId: tenant.body.id };
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('creates a link: the console URL with the token in the fragment, and its expiry', async () => {
    const before = Date.now();
    const link = await portal();
    assert.match(link.token, /^hrp_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.equal(link.url, `${svc.baseUrl}/console/portal/subscriptions#portal=${link.token}`);
    const ttl = Date.parse(link.expiresAt) - before;
    assert.ok(ttl > 3590_000 && ttl <= 3601_000, `default ttl is an hour, got ${ttl} ms`);
    const day = await portal({ ttlSeconds: 86_400, readOnly: true });
    assert.ok(Date.parse(day.expiresAt) - before > 86_390_000);
  });

  it("reads the tenant's subscriptions, deliveries and events with the token", async () => {
    const { token } = await portal({ readOnly: true });
    const subs = await as(token, 'GET', '/v1/subscriptions');
    assert.equal(subs.status, 200);
    assert.deepEqual(
      subs.body.data.map((s: { id: string }) => s.id),
      [subId],
    );
    assert.equal((await as(token, 'GET', `/v1/subscriptions/${subId}`)).body.name, 'Tenant A hook');
    assert.equal((await as(token, 'GET', `/v1/subscriptions/${subId}/deliveries`)).status, 200);
    assert.equal((await as(token, 'GET', `/v1/deliveries/${deliveryId}`)).body.id, deliveryId);
    assert.equal((await as(token, 'GET', `/v1/events/${eventId}`)).status, 200);
    assert.equal((await as(token, 'GET', '/v1/event-types')).status, 200);
  });

  it("answers 404 for another tenant's resources, as for an API key", async () => {
    const { token } = await portal();
    assert.equal((await as(token, 'GET', `/v1/subscriptions/${other.subId}`)).status, 404);
    assert.equal((await as(token, 'PATCH', `/v1/subscriptions/${other.subId}`, { name: 'taken' })).status, 404);
    const theirs = await svc.api('POST', '/v1/portal-sessions', {}, { key: other.key });
    assert.equal((await as(theirs.body.token, 'GET', `/v1/subscriptions/${subId}`)).status, 404);
    assert.deepEqual(
      (await as(theirs.body.token, 'GET', '/v1/subscriptions')).body.data.map((s: { id: string }) => s.id),
      [other.subId],
    );
  });

  it('refuses every change to a read-only token with 403 naming `subscriptions`, and changes nothing', async () => {
    const { token } = await portal({ readOnly: true });
    const attempts: [string, string, unknown][] = [
      ['POST', '/v1/subscriptions', { url: `${receiver.url}/x`, events: ['job.created'], ping: false }],
      ['PATCH', `/v1/subscriptions/${subId}`, { name: 'renamed' }],
      ['POST', `/v1/subscriptions/${subId}/pause`, undefined],
      ['POST', `/v1/deliveries/${deliveryId}/redeliver`, undefined],
      ['DELETE', `/v1/subscriptions/${subId}`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as(token, method, path, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(res.body.detail, /`subscriptions`/, `${method} ${path}`);
    }
    const sub = await svc.api('GET', `/v1/subscriptions/${subId}`);
    assert.equal(sub.body.name, 'Tenant A hook');
    assert.equal(sub.body.status, 'active');
    assert.equal((await svc.api('GET', '/v1/subscriptions')).body.data.length, 1);
  });

  it("lets a full token do what an end customer manages: the tenant's subscriptions, redeliver and recover", async () => {
    const { token } = await portal();
    const renamed = await as(token, 'PATCH', `/v1/subscriptions/${subId}`, { name: 'Renamed by portal' });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, 'Renamed by portal');
    const made = await as(token, 'POST', '/v1/subscriptions', { url: `${receiver.url}/portal`, events: ['job.created'], ping: false });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.id as string;
    const allowed: [string, string, unknown, number][] = [
      ['PATCH', `/v1/subscriptions/${id}`, { name: 'mine' }, 200],
      ['POST', `/v1/subscriptions/${id}/pause`, undefined, 200],
      ['POST', `/v1/subscriptions/${id}/resume`, undefined, 200],
      ['POST', `/v1/subscriptions/${id}/test`, {}, 200],
      ['POST', `/v1/subscriptions/${id}/rotate-secret`, {}, 200],
      ['POST', `/v1/subscriptions/${id}/recover`, { since: new Date(Date.now() - 60_000).toISOString() }, 202],
      ['POST', `/v1/deliveries/${deliveryId}/redeliver`, undefined, 202],
      ['POST', '/v1/filters/test', { filter: { a: 1 }, data: { a: 1 } }, 200],
      ['DELETE', `/v1/subscriptions/${id}`, undefined, 204],
    ];
    for (const [method, path, body, status] of allowed) {
      const res = await as(token, method, path, body);
      assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
    }
  });

  it('refuses a full token ingest, catalog changes, event deletion, replays, cancel and keys (403), and changes nothing', async () => {
    const { token } = await portal();
    const events = (await svc.api('GET', '/v1/events')).body.data.length;
    const refused: [string, string, unknown, string][] = [
      ['POST', '/v1/events', { type: 'job.created', data: { forged: true } }, 'ingest'],
      ['POST', '/v1/events/batch', { events: [{ type: 'job.created', data: {} }] }, 'ingest'],
      ['POST', '/v1/event-types', { name: 'portal.made' }, 'manage'],
      ['PATCH', '/v1/event-types/job.created', { description: 'changed' }, 'manage'],
      ['DELETE', '/v1/event-types/job.created', undefined, 'manage'],
      ['DELETE', `/v1/events/${eventId}`, undefined, 'manage'],
      ['POST', '/v1/replays', { eventType: 'job.created' }, 'manage'],
      ['GET', '/v1/replays', undefined, 'manage'],
      ['GET', '/v1/replays/rpl_01m98000000000000000000000', undefined, 'manage'],
      ['POST', `/v1/deliveries/${deliveryId}/cancel`, undefined, 'manage'],
      ['POST', '/v1/api-keys', {}, 'admin'],
    ];
    for (const [method, path, body, scope] of refused) {
      const res = await as(token, method, path, body);
      assert.equal(res.status, 403, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.match(res.body.detail, new RegExp(`\`${scope}\``), `${method} ${path}`);
    }
    assert.equal((await svc.api('GET', '/v1/events')).body.data.length, events, 'no event was ingested');
    assert.equal((await svc.api('GET', '/v1/event-types/job.created')).body.archived ?? false, false);
    assert.equal((await svc.api('GET', `/v1/events/${eventId}`)).status, 200);
  });

  it('leaves temporalUrl (the operator’s Temporal UI) out of answers through a link', async () => {
    const { token } = await portal({ readOnly: true });
    assert.ok((await svc.api('GET', `/v1/deliveries/${deliveryId}`)).body.temporalUrl, 'a key sees it');
    for (const path of [
      `/v1/deliveries/${deliveryId}`,
      `/v1/events/${eventId}`,
      '/v1/events',
      `/v1/subscriptions/${subId}/deliveries`,
      '/v1/deliveries',
    ]) {
      const res = await as(token, 'GET', path);
      assert.equal(res.status, 200, path);
      assert.match(String(res.headers.get('content-type')), /^application\/json/, path);
      assert.ok(!JSON.stringify(res.body).includes('temporalUrl'), `${path} carries temporalUrl through a link`);
      assert.ok(!JSON.stringify(res.body).includes('localhost:8233'), `${path} carries the Temporal UI address`);
    }
    assert.equal((await as(token, 'GET', `/v1/deliveries/${deliveryId}`)).body.workflowId, `delivery-${deliveryId}`);
  });

  it('ends a link made with ADMIN_API_KEY once that key changes', async () => {
    const link = await svc.api('POST', '/v1/portal-sessions', {}, { key: ADMIN, headers: { 'hookrelay-tenant': other.tenantId } });
    assert.equal(link.status, 201);
    assert.equal((await as(link.body.token, 'GET', '/v1/subscriptions')).status, 200);
    // The same service restarted with a new ADMIN_API_KEY, on the same database and SECRETS_KEY.
    const restarted = await createApp({ ...svc.config, adminApiKey: 'a-new-admin-key' });
    await restarted.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(restarted.getHttpServer().address() as { port: number }).port}`;
      const call = (key: string, headers: Record<string, string> = {}) =>
        callApi(url, key, 'GET', '/v1/subscriptions', undefined, { headers });
      assert.equal((await call(ADMIN, { 'hookrelay-tenant': other.tenantId })).status, 401, 'the old admin key');
      assert.equal((await call('a-new-admin-key', { 'hookrelay-tenant': other.tenantId })).status, 200, 'the new admin key');
      const res = await call(link.body.token);
      assert.equal(res.status, 401, 'the link the old admin key made');
      assert.match(res.body.detail, /no longer valid/);
      const fresh = await callApi(
        url,
        'a-new-admin-key',
        'POST',
        '/v1/portal-sessions',
        {},
        { headers: { 'hookrelay-tenant': other.tenantId } },
      );
      assert.equal((await call(fresh.body.token)).status, 200, 'a link the new admin key made');
      assert.equal((await as(fresh.body.token, 'GET', '/v1/subscriptions')).status, 401, 'and not where the old key is configured');
    } finally {
      await restarted.close();
    }
  });

  it('refuses Hookrelay-Tenant with a portal token: 403 naming `operator`', async () => {
    const { token } = await portal();
    const res = await svc.api('GET', '/v1/subscriptions', undefined, { key: token, headers: { 'hookrelay-tenant': other.tenantId } });
    assert.equal(res.status, 403);
    assert.match(res.body.detail, /`operator`/);
  });

  it('lets an operator make a link for the tenant it acts for, which ends when the operator key is revoked', async () => {
    const byAdmin = await svc.api(
      'POST',
      '/v1/portal-sessions',
      { readOnly: true },
      { key: ADMIN, headers: { 'hookrelay-tenant': other.tenantId } },
    );
    assert.equal(byAdmin.status, 201);
    assert.deepEqual(
      (await as(byAdmin.body.token, 'GET', '/v1/subscriptions')).body.data.map((s: { id: string }) => s.id),
      [other.subId],
    );
    const operatorKey = await svc.api('POST', '/v1/operator-keys', {}, { key: ADMIN });
    assert.equal(operatorKey.status, 201);
    const byOperator = await svc.api(
      'POST',
      '/v1/portal-sessions',
      {},
      { key: operatorKey.body.apiKey, headers: { 'hookrelay-tenant': other.tenantId } },
    );
    assert.equal(byOperator.status, 201);
    assert.equal((await as(byOperator.body.token, 'GET', `/v1/subscriptions/${other.subId}`)).status, 200);
    assert.equal((await as(byOperator.body.token, 'GET', `/v1/subscriptions/${subId}`)).status, 404, 'only the tenant it was made for');
    // Each request through an operator's link leaves an audit line naming the operator, the link and the tenant.
    const audited = (sid: string, operator: string) =>
      eventually(
        async () =>
          readFileSync(logFile, 'utf8')
            .split('\n')
            .some((line) => line.includes('operator portal link acting for tenant') && line.includes(sid) && line.includes(operator))
            ? true
            : undefined,
        5_000,
        `an audit line for ${sid}`,
      );
    await audited(claimsOf(byOperator.body.token).sid, operatorKey.body.id);
    await audited(claimsOf(byAdmin.body.token).sid, '"admin"');
    assert.equal((await svc.api('DELETE', `/v1/operator-keys/${operatorKey.body.id}`, undefined, { key: ADMIN })).status, 204);
    assert.equal((await as(byOperator.body.token, 'GET', '/v1/subscriptions')).status, 401);
  });

  it('never reaches key management or makes links, read-only or not', async () => {
    const keys = (await svc.api('GET', '/v1/api-keys')).body.data.length;
    for (const readOnly of [false, true]) {
      const { token } = await portal({ readOnly });
      for (const [method, path] of [
        ['GET', '/v1/api-keys'],
        ['POST', '/v1/api-keys'],
        ['DELETE', '/v1/api-keys/key_x'],
        ['POST', '/v1/portal-sessions'],
        ['POST', '/V1/Portal-Sessions/'],
      ]) {
        const res = await as(token, method, path, method === 'POST' ? {} : undefined);
        assert.equal(res.status, 403, `${method} ${path} readOnly=${readOnly}`);
        assert.match(res.body.detail, /`admin`/);
      }
    }
    assert.equal((await svc.api('GET', '/v1/api-keys')).body.data.length, keys, 'no key was made');
  });

  it('answers 401 once the link expires', async () => {
    const { token } = await portal({ ttlSeconds: 1 });
    const expired = await eventually(
      async () => {
        const res = await as(token, 'GET', '/v1/subscriptions');
        return res.status === 401 ? res : undefined;
      },
      10_000,
      'the 1 s link to expire',
    );
    assert.match(expired.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(expired.body.detail, /expired/);
  });

  it('answers 401 to a tampered, re-signed or truncated token', async () => {
    const { token } = await portal({ readOnly: true });
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body.slice(4), 'base64url').toString());
    const escalated = 'hrp_' + Buffer.from(JSON.stringify({ ...claims, ro: false })).toString('base64url');
    const otherTenant = 'hrp_' + Buffer.from(JSON.stringify({ ...claims, tid: 'ten_x' })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    for (const bad of [
      `${escalated}.${signature}`,
      `${otherTenant}.${signature}`,
      `${body}.${flipped}`,
      `${body}.${signature}=`,
      body,
      'hrp_',
    ]) {
      const res = await as(bad, 'GET', '/v1/subscriptions');
      assert.equal(res.status, 401, bad);
      assert.match(res.body.detail, /not valid/);
    }
    assert.equal((await as(token, 'GET', '/v1/subscriptions')).status, 200, 'the genuine token still works');
  });

  it('ends the links of a revoked API key', async () => {
    const key = await svc.api('POST', '/v1/api-keys');
    const { token } = await portal({}, key.body.apiKey);
    assert.equal((await as(token, 'GET', '/v1/subscriptions')).status, 200);
    assert.equal((await svc.api('DELETE', `/v1/api-keys/${key.body.id}`)).status, 204);
    const res = await as(token, 'GET', '/v1/subscriptions');
    assert.equal(res.status, 401);
    assert.match(res.body.detail, /revoked/);
  });

  it('answers 401 to a well-signed token whose tenant does not exist or does not own its key', async () => {
    const tokens = new PortalTokens(svc.config.secretsKey);
    const { token } = await portal();
    const claims = JSON.parse(Buffer.from(token.split('.')[0].slice(4), 'base64url').toString());
    for (const tid of ['ten_gone', other.tenantId]) {
      const res = await as(tokens.sign({ ...claims, tid }), 'GET', '/v1/subscriptions');
      assert.equal(res.status, 401, tid);
      assert.match(res.body.detail, /no longer valid/);
    }
    assert.equal((await as(tokens.sign(claims), 'GET', '/v1/subscriptions')).status, 200, 'the same claims re-signed still work');
  });

  it('validates the request, naming each bad field', async () => {
    const bad = await svc.api('POST', '/v1/portal-sessions', { ttlSeconds: 0, readOnly: 'yes', extra: 1 });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field).sort(), ['extra', 'readOnly', 'ttlSeconds']);
    for (const ttlSeconds of [1.5, 86_401, -1, '60']) {
      const res = await svc.api('POST', '/v1/portal-sessions', { ttlSeconds });
      assert.equal(res.status, 422, String(ttlSeconds));
      assert.equal(res.body.errors[0].field, 'ttlSeconds');
    }
    assert.equal((await callApi(svc.baseUrl, svc.apiKey, 'POST', '/v1/portal-sessions')).status, 201, 'no body: all defaults');
    assert.equal((await svc.api('POST', '/v1/portal-sessions', {}, { key: null })).status, 401);
  });

  it('is made by the typed client, whose calls then work with the token in place of a key', async () => {
    const client = new HookrelayClient({ baseUrl: svc.baseUrl, apiKey: svc.apiKey, retries: { retries: 0 } });
    const session = await client.portalSessions.create({ readOnly: true, ttlSeconds: 600 });
    assert.match(session.url, /#portal=hrp_/);
    const asPortal = new HookrelayClient({ baseUrl: svc.baseUrl, apiKey: session.token, retries: { retries: 0 } });
    assert.ok((await asPortal.subscriptions.list()).data.length > 0);
    await assert.rejects(asPortal.subscriptions.pause(subId), (err: HookrelayError) => err.status === 403);
  });

  it(
    'lets PORTAL_FRAME_ANCESTORS frame portal pages only; the key console stays unframable',
    { skip: existsSync(join(CONSOLE_DIR, 'index.html')) ? false : 'dist/console is not built' },
    async () => {
      const csp = async (path: string) => (await fetch(svc.baseUrl + path)).headers.get('content-security-policy') ?? '';
      assert.match(await csp('/console/portal/subscriptions'), new RegExp(`frame-ancestors ${FRAMER};`));
      assert.match(await csp('/console/portal/'), new RegExp(`frame-ancestors ${FRAMER};`));
      assert.match(await csp('/console/'), /frame-ancestors 'none'/);
      assert.match(await csp('/console/subscriptions'), /frame-ancestors 'none'/);
      assert.match(await csp('/console/portalx'), /frame-ancestors 'none'/);
    },
  );
});

describe('portal sessions and the per-key rate limit', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('portal-rate', { RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(async () => {
    await svc?.close();
  });

  it('counts a portal link against the bucket of the key that made it: minting links never multiplies the rate', async () => {
    const links = [await svc.api('POST', '/v1/portal-sessions', {}), await svc.api('POST', '/v1/portal-sessions', {})];
    for (const link of links) assert.equal(link.status, 201);
    const status = async (key: string) => (await svc.api('GET', '/v1/event-types', undefined, { key })).status;
    // The limit counts per route: 3 of this route a minute, shared by the key and every link it made.
    assert.deepEqual(
      [await status(svc.apiKey), await status(links[0].body.token), await status(links[1].body.token), await status(links[0].body.token)],
      [200, 200, 200, 429],
    );
    assert.equal(await status(links[1].body.token), 429);
    assert.equal(await status(svc.apiKey), 429, 'the key itself has used its rate through its links');
  });
});
