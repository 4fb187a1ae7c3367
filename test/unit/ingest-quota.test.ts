import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { bucketTerms, defaultBurst, effectiveIngestQuota, MAX_BATCH, retryAfterSeconds } from '../../src/policy/ingest-quota-arithmetic.js';

const fallback = { perSecond: 1000, burst: 2000 };
const env = (extra: Record<string, string>) => ({ TEMPORAL_ADDRESS: 'x:7233', SECRETS_KEY: 'a'.repeat(64), DATA_DIR: '/tmp', ...extra });

describe('ingest quota arithmetic', () => {
  it('defaults the burst to twice the rate, never below one full batch', () => {
    assert.equal(defaultBurst(1000), 2000);
    assert.equal(defaultBurst(10), MAX_BATCH);
    assert.equal(defaultBurst(250), 500);
  });

  it("takes the tenant's own quota over the default; null follows the default, 0 is unlimited", () => {
    assert.deepEqual(effectiveIngestQuota({ perSecond: null, burst: null }, fallback), { ...fallback, source: 'default' });
    assert.deepEqual(effectiveIngestQuota({ perSecond: 10, burst: 10 }, fallback), { perSecond: 10, burst: 10, source: 'tenant' });
    assert.deepEqual(effectiveIngestQuota({ perSecond: 10, burst: null }, fallback), { perSecond: 10, burst: 500, source: 'tenant' });
    assert.deepEqual(effectiveIngestQuota({ perSecond: 0, burst: null }, fallback), { perSecond: 0, burst: 0, source: 'tenant' });
  });

  it('turns events into bucket time: n events cost n / rate seconds, the burst is burst / rate seconds ahead', () => {
    assert.deepEqual(bucketTerms({ perSecond: 10, burst: 10 }, 5), { costSeconds: 0.5, burstSeconds: 1 });
    assert.deepEqual(bucketTerms({ perSecond: 1000, burst: 2000 }, 500), { costSeconds: 0.5, burstSeconds: 2 });
  });

  it('tells a refused client whole seconds, rounded up, at least 1', () => {
    assert.equal(retryAfterSeconds(0), 1);
    assert.equal(retryAfterSeconds(0.000001), 1);
    assert.equal(retryAfterSeconds(1), 1);
    assert.equal(retryAfterSeconds(1.01), 2);
    assert.equal(retryAfterSeconds(59.5), 60);
  });

  it('reads TENANT_EVENTS_PER_SECOND and TENANT_EVENTS_BURST: defaults, unlimited, and a burst below a batch refused', () => {
    assert.deepEqual(loadConfig(env({})).ingestQuota, { perSecond: 1000, burst: 2000 });
    assert.deepEqual(loadConfig(env({ TENANT_EVENTS_PER_SECOND: '100' })).ingestQuota, { perSecond: 100, burst: 500 });
    assert.deepEqual(loadConfig(env({ TENANT_EVENTS_PER_SECOND: '100', TENANT_EVENTS_BURST: '800' })).ingestQuota, {
      perSecond: 100,
      burst: 800,
    });
    assert.deepEqual(loadConfig(env({ TENANT_EVENTS_PER_SECOND: '0' })).ingestQuota, { perSecond: 0, burst: 0 });
    assert.deepEqual(loadConfig(env({ TENANT_EVENTS_BURST: '' })).ingestQuota, { perSecond: 1000, burst: 2000 }, 'empty is unset');
    assert.throws(() => loadConfig(env({ TENANT_EVENTS_BURST: '499' })), /TENANT_EVENTS_BURST: must be at least 500/);
    assert.throws(() => loadConfig(env({ TENANT_EVENTS_PER_SECOND: '-1' })), /TENANT_EVENTS_PER_SECOND/);
    assert.throws(() => loadConfig(env({ TENANT_EVENTS_PER_SECOND: '1.5' })), /TENANT_EVENTS_PER_SECOND/);
  });
});
