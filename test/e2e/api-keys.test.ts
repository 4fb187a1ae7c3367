import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../helpers/factories.js';
import { startService, type TestService } from '../helpers/service.js';

const ADMIN = 'admin-key-for-api-key-tests';

interface Key {
  id: string;
  apiKey: string;
  expiresAt: string | null;
  createdBy: string | null;
}

describe('API keys: who made them, and never outliving their makers', () => {
  let svc: TestService;
  let tenantId: string;

  const mint = async (by: string, body: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Key> => {
    const res = await svc.api('POST', '/v1/api-keys', body, { key: by, headers });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as Key;
  };
  const works = async (key: string) => (await svc.api('GET', '/v1/event-types', undefined, { key })).status;

  before(async () => {
    svc = await startService('api_keys', { ADMIN_API_KEY: ADMIN });
    const [{ id }] = await svc.db.query(`SELECT id FROM tenants WHERE name = 'default'`);
    tenantId = id;
  });
  after(async () => svc?.close());

  it('caps a minted key at its maker’s expiry, refuses a later one with 422, and the minted key stops with its maker', async () => {
    const makerExpiresAt = new Date(Date.now() + 4_000).toISOString();
    const maker = await mint(svc.apiKey, { expiresAt: makerExpiresAt });
    const minted = await mint(maker.apiKey);
    assert.equal(minted.expiresAt, makerExpiresAt, 'a key minted without expiresAt stops when its maker does');
    const later = await svc.api(
      'POST',
      '/v1/api-keys',
      { expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      { key: maker.apiKey },
    );
    assert.equal(later.status, 422, JSON.stringify(later.body));
    assert.deepEqual(
      later.body.errors.map((e: { field: string }) => e.field),
      ['expiresAt'],
    );
    assert.match(later.body.errors[0].message, new RegExp(makerExpiresAt.replace(/[.]/g, '\\.')));
    const sooner = await mint(maker.apiKey, { expiresAt: new Date(Date.now() + 2_000).toISOString() });
    assert.ok(Date.parse(sooner.expiresAt!) < Date.parse(makerExpiresAt));
    assert.equal(await works(minted.apiKey), 200);
    await eventually(async () => ((await works(maker.apiKey)) === 401 ? true : undefined), 10_000, 'the maker to expire');
    assert.equal(await works(minted.apiKey), 401, 'the minted key stopped with its maker');
  });

  it('records who made each key and shows it in the list', async () => {
    const made = await mint(svc.apiKey);
    const child = await mint(made.apiKey, { scopes: ['read'] });
    assert.equal(child.createdBy, made.id);
    const list = (await svc.api('GET', '/v1/api-keys')).body.data as Key[];
    assert.equal(list.find((k) => k.id === child.id)?.createdBy, made.id);
    assert.equal(list.find((k) => k.id === made.id)?.createdBy, list.find((k) => k.createdBy === null)?.id, 'the bootstrap key made it');
    const operator = (await svc.api('POST', '/v1/operator-keys', {}, { key: ADMIN })).body as Key;
    assert.equal(operator.createdBy, 'admin');
    assert.equal(
      ((await svc.api('GET', '/v1/operator-keys', undefined, { key: ADMIN })).body.data as Key[]).find((k) => k.id === operator.id)
        ?.createdBy,
      'admin',
    );
    const forTenant = await mint(operator.apiKey, {}, { 'Hookrelay-Tenant': tenantId });
    assert.equal(forTenant.createdBy, operator.id);
    assert.equal((await mint(ADMIN, {}, { 'Hookrelay-Tenant': tenantId })).createdBy, 'admin');
  });

  it('caps what an operator key mints for a tenant at the operator key’s expiry', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const operator = (await svc.api('POST', '/v1/operator-keys', { expiresAt }, { key: ADMIN })).body as Key;
    const minted = await mint(operator.apiKey, {}, { 'Hookrelay-Tenant': tenantId });
    assert.equal(minted.expiresAt, expiresAt);
  });

  it('revokes what an operator key made for tenants (and what those made) with it; a tenant key revokes only itself', async () => {
    const operator = (await svc.api('POST', '/v1/operator-keys', {}, { key: ADMIN })).body as Key;
    const granted = await mint(operator.apiKey, {}, { 'Hookrelay-Tenant': tenantId });
    const grandchild = await mint(granted.apiKey);
    const own = await mint(svc.apiKey);
    const rotated = await mint(own.apiKey);
    for (const key of [granted, grandchild, own, rotated]) assert.equal(await works(key.apiKey), 200);
    assert.equal((await svc.api('DELETE', `/v1/operator-keys/${operator.id}`, undefined, { key: ADMIN })).status, 204);
    assert.equal(await works(granted.apiKey), 401, 'the key the operator made for the tenant');
    assert.equal(await works(grandchild.apiKey), 401, 'the key that key made');
    const listed = ((await svc.api('GET', '/v1/api-keys')).body.data as (Key & { revokedAt: string | null })[]).filter((k) =>
      [granted.id, grandchild.id].includes(k.id),
    );
    assert.ok(listed.length === 2 && listed.every((k) => k.revokedAt !== null), 'listed as revoked');
    // A tenant rotates by making the new key with the old one, then revoking the old: the new one must live on.
    assert.equal((await svc.api('DELETE', `/v1/api-keys/${own.id}`)).status, 204);
    assert.equal(await works(own.apiKey), 401);
    assert.equal(await works(rotated.apiKey), 200, 'a tenant key’s revocation does not cascade');
  });

  it('answers 403 to a tenant key sending Hookrelay-Tenant, even empty or blank', async () => {
    for (const value of ['', '   ', tenantId]) {
      const res = await svc.api('GET', '/v1/event-types', undefined, { headers: { 'Hookrelay-Tenant': value } });
      assert.equal(res.status, 403, `Hookrelay-Tenant: ${JSON.stringify(value)} -> ${res.status}`);
      assert.match(res.body.detail, /`operator`/);
    }
  });
});
