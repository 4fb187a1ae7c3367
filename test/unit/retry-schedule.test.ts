import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY_SCHEDULE, nextRetryDelayMs, parseRetryAfter } from '../../src/policy/retry-schedule.js';

describe('retry schedule', () => {
  const mid = () => 0.5;

  it('waits the scheduled time after each attempt and stops after the last entry', () => {
    assert.equal(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE, 1, null, mid), 5_000);
    assert.equal(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE, 2, null, mid), 300_000);
    assert.equal(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE, 7, null, mid), 36_000_000);
    assert.equal(nextRetryDelayMs(DEFAULT_RETRY_SCHEDULE, 8, null, mid), null);
    assert.equal(nextRetryDelayMs([], 1, null, mid), null);
  });

  it('applies +-20% jitter', () => {
    assert.equal(
      nextRetryDelayMs([100], 1, null, () => 0),
      80_000,
    );
    assert.equal(
      nextRetryDelayMs([100], 1, null, () => 0.999999),
      120_000,
    );
    for (let i = 0; i < 200; i++) {
      const d = nextRetryDelayMs([10], 1)!;
      assert.ok(d >= 8_000 && d <= 12_000, String(d));
    }
  });

  it('honours a longer Retry-After, capped at one day', () => {
    assert.equal(nextRetryDelayMs([5], 1, 60, mid), 60_000);
    assert.equal(nextRetryDelayMs([600], 1, 60, mid), 600_000);
    assert.equal(nextRetryDelayMs([5], 1, 10 * 86_400, mid), 86_400_000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 10:01:00 GMT', now), 60);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter(undefined, now), null);
  });
});
