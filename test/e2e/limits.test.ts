import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { REFUSED_URLS } from '../helpers/refused-urls.js';

/** A counter's value in the Prometheus text of /metrics, summed over its labels (0 when absent). */
async function metric(svc: TestService, name: string): Promise<number> {
  const text = String((await svc.api('GET', '/metrics', undefined, { key: null })).body);
  const series = text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'));
  return [...series].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('limits: network policy, sizes and rate', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    // No private range opened: the policy a production deployment runs with (http allowed for the test receiver).
    svc = await startService('limits', { ALLOWED_PRIVATE_CIDRS: '', RATE_LIMIT_PER_MINUTE: '100', AUTH_FAILURES_PER_MINUTE: '20' });
    receiver = await TestReceiver.start();
    await createEventType(svc, 'net.check');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it(`refuses subscriptions to ${REFUSED_URLS.length} spellings of private targets with 422 naming url`, async () => {
    for (const url of REFUSED_URLS) {
      const res = await svc.api('POST', '/v1/subscriptions', { url: url.replace(/^https/, 'http'), events: ['net.check'], ping: false });
      assert.equal(res.status, 422, `${url}: ${res.status}`);
      assert.ok(
        res.body.errors.some((e: { field: string }) => e.field === 'url'),
        url,
      );
    }
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM subscriptions`);
    assert.equal(n, 0);
  });

  it('blocks at connect time a name that resolves to a private address (error type blocked, nothing sent)', async () => {
    const sub = await createSubscription(svc, { url: 'http://hooks.example.com/', events: ['net.check'], retrySchedule: [] });
    // What DNS rebinding would do: the name now points at this machine.
    const port = new URL(receiver.url).port;
    await svc.db.query(`UPDATE subscriptions SET url = $2 WHERE id = $1`, [sub.id, `http://localhost:${port}/`]);
    const event = await sendEvent(svc, 'net.check', {});
    const delivery = await eventually(async () => {
      const res = await svc.api('GET', `/v1/deliveries/${event.deliveries[0].id}`);
      return res.body.status === 'failed' ? res.body : undefined;
    });
    assert.equal(delivery.attempts[0].error.type, 'blocked');
    assert.equal(delivery.attempts[0].statusCode, null);
    assert.equal(receiver.requests.length, 0);
    await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await svc.api('POST', '/v1/events', undefined, {
      raw: JSON.stringify({ type: 'net.check', data: { blob: 'x'.repeat(9 * 1024 * 1024) } }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.status, 413);
  });

  it('rate-limits the management API per key with 429 and Retry-After, ingestion untouched', async () => {
    const key = (await svc.api('POST', '/v1/api-keys')).body.apiKey as string;
    let limited: { status: number; headers: Headers; body: any } | undefined;
    let sent = 0;
    for (; sent < 120 && !limited; sent++) {
      const res = await svc.api('GET', '/v1/event-types', undefined, { key });
      if (res.status === 429) limited = res;
    }
    assert.ok(limited, 'a 429 within 120 requests at 100 per minute');
    assert.ok(sent > 90, `limited after ${sent} requests`);
    assert.match(limited.body.detail, /API key/);
    assert.match(limited.headers.get('content-type') ?? '', /problem\+json/);
    assert.ok(Number(limited.headers.get('retry-after')) > 0, `retry-after ${limited.headers.get('retry-after')}`);
    const ingest = await svc.api('POST', '/v1/events', { type: 'net.check', data: {} }, { key });
    assert.equal(ingest.status, 202, 'ingestion is not rate-limited');
    const otherKey = await svc.api('GET', '/v1/event-types');
    assert.equal(otherKey.status, 200, 'another key of the same tenant is not limited');
  });

  it('counts the per-key rate limit by the key, however the Authorization header is spelled', async () => {
    const key = (await svc.api('POST', '/v1/api-keys')).body.apiKey as string;
    const spellings = [`Bearer ${key}`, `bearer ${key}`, `BEARER   ${key}`, `Bearer \t${key}  `];
    let limitedAt = 0;
    for (let sent = 1; sent <= 160 && !limitedAt; sent++) {
      const authorization = spellings[sent % spellings.length];
      const res = await svc.api('GET', '/v1/event-types', undefined, { key: null, headers: { authorization } });
      if (res.status === 429) limitedAt = sent;
      else assert.equal(res.status, 200, `${JSON.stringify(authorization)}: ${res.status}`);
    }
    assert.ok(limitedAt > 90 && limitedAt <= 101, `one bucket of 100 for every spelling: limited at request ${limitedAt || 'never'}`);
  });

  it('documents 429 with Retry-After on every /v1 operation', async () => {
    const doc = (await svc.api('GET', '/openapi.json', undefined, { key: null })).body;
    let operations = 0;
    for (const [path, methods] of Object.entries<Record<string, { responses: Record<string, any> }>>(doc.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        assert.ok(op.responses['429']?.headers?.['Retry-After'], `${method} ${path}: 429 with Retry-After`);
        operations++;
      }
    }
    assert.ok(operations >= 20, `${operations} operations`);
  });

  // Last in this file: from here on this address may try no unknown key for a minute.
  it('limits failed authentications per client address: 429 with Retry-After and no key lookup after 20; known keys still work', async () => {
    const lookupsBefore = await metric(svc, 'auth_key_lookups_total');
    const statuses: number[] = [];
    let limited: { status: number; headers: Headers; body: any } | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await svc.api('GET', '/v1/subscriptions', undefined, { key: `whk_bogus${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    assert.deepEqual(statuses, [...Array(20).fill(401), ...Array(10).fill(429)]);
    assert.equal((await metric(svc, 'auth_key_lookups_total')) - lookupsBefore, 20, 'no database lookup past the threshold');
    assert.match(limited!.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(limited!.body.status, 429);
    assert.match(limited!.body.detail, /failed authentications from your address/);
    const retryAfter = Number(limited!.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `retry-after ${retryAfter}`);

    const malformed = await svc.api('GET', '/v1/subscriptions', undefined, { key: null, headers: { authorization: 'Basic dTpw' } });
    assert.equal(malformed.status, 429, 'a malformed Authorization is gated too');
    const ingest = await svc.api('POST', '/v1/events', { type: 'net.check', data: {} }, { key: 'whk_bogus-ingest' });
    assert.equal(ingest.status, 429, 'ingestion routes are gated too');
    assert.equal((await svc.api('GET', '/v1/subscriptions', undefined, { key: null })).status, 401, 'no key at all: still 401');
    assert.equal((await svc.api('GET', '/v1/event-types')).status, 200, 'a key already known valid still works from this address');
    assert.ok((await metric(svc, 'auth_failures_total')) >= 20);
  });
});
