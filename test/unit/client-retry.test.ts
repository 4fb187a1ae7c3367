import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryAfterMs, retryingFetch, type RetryPolicy } from '../../clients/typescript/src/retrying-fetch.js';

const policy: RetryPolicy = { retries: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 60_000 };
const reset = () =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
const refused = () =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });

/** A fetch that plays answers (a status or a thrown error) in turn and records the requests. */
function scripted(steps: (number | (() => Error))[]) {
  const seen: Request[] = [];
  const impl = (async (input: Request) => {
    seen.push(input);
    const step = steps.shift() ?? 200;
    if (typeof step === 'function') throw step();
    return new Response('x', { status: step, headers: step === 429 ? { 'retry-after': '0' } : {} });
  }) as typeof fetch;
  return { impl, seen };
}

describe('typed client retries (retrying-fetch)', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(retryAfterMs('2'), 2000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(retryAfterMs(null), undefined);
    assert.equal(retryAfterMs('soon'), undefined);
  });

  it('retries 429 and 503, then gives the answer; gives up after `retries`', async () => {
    const ok = scripted([429, 503]);
    assert.equal((await retryingFetch(policy, ok.impl)(new Request('http://x/v1/events'))).status, 200);
    assert.equal(ok.seen.length, 3);
    const busy = scripted([503, 503, 503, 503, 503]);
    assert.equal((await retryingFetch(policy, busy.impl)(new Request('http://x/'))).status, 503);
    assert.equal(busy.seen.length, 4);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: the 429 is the answer', async () => {
    const impl = (async () => new Response('', { status: 429, headers: { 'retry-after': '3600' } })) as typeof fetch;
    assert.equal((await retryingFetch(policy, impl)(new Request('http://x/'))).status, 429);
  });

  it('a POST without an Idempotency-Key is not sent again after a reset (it may have been processed)', async () => {
    const s = scripted([reset]);
    await assert.rejects(retryingFetch(policy, s.impl)(new Request('http://x/v1/subscriptions', { method: 'POST', body: '{}' })));
    assert.equal(s.seen.length, 1);
  });

  it('a POST with an Idempotency-Key, or one refused before connecting, is sent again with the same body and key', async () => {
    const keyed = scripted([reset]);
    const req = new Request('http://x/v1/events', { method: 'POST', body: '{"a":1}', headers: { 'idempotency-key': 'k1' } });
    assert.equal((await retryingFetch(policy, keyed.impl)(req)).status, 200);
    assert.deepEqual(await Promise.all(keyed.seen.map((r) => r.text())), ['{"a":1}', '{"a":1}']);
    assert.deepEqual(
      keyed.seen.map((r) => r.headers.get('idempotency-key')),
      ['k1', 'k1'],
    );

    const s = scripted([refused]);
    assert.equal(
      (await retryingFetch(policy, s.impl)(new Request('http://x/v1/subscriptions', { method: 'POST', body: '{}' }))).status,
      200,
    );
  });
});
