import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { REFUSED_URLS } from '../helpers/refused-urls.js';

describe('limits: network policy, sizes and rate', () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    // No private range opened: the policy a production deployment runs with (http allowed for the test receiver).
    svc = await startService('limits', { ALLOWED_PRIVATE_CIDRS: '', RATE_LIMIT_PER_MINUTE: '100' });
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
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === 'url'), url);
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
      const res = await svc.api('GET', `/v1/deliveries/${event.deliveries[0]!.id}`);
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
});
