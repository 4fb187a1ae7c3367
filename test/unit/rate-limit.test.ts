import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  concurrencyRecheckMs,
  defaultBurst,
  isThrottle,
  rateTerms,
  takeSlot,
  throttleDeferralMs,
  throttleSeconds,
  type RateLimit,
} from '../../src/policy/flow-limits.js';

/** Slots for `arrivals` attempts (arrival times in ms), taken in order: when each may go. */
function schedule(arrivals: number[], limit: RateLimit): number[] {
  let fullAt: number | null = null;
  return arrivals.map((now) => {
    const slot = takeSlot(fullAt, now, limit);
    fullAt = slot.fullAt;
    return slot.sendAt;
  });
}

/** The most send times in any window of `windowMs` (closed at the start, open at the end). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - windowMs + 1e-9) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('rate limit arithmetic (GCRA with a slot per attempt)', () => {
  it('defaults the burst to one second of the rate, at least 1', () => {
    assert.equal(defaultBurst(20), 20);
    assert.equal(defaultBurst(0.5), 1);
    assert.equal(defaultBurst(2.5), 3);
  });

  it('turns the limit into bucket time', () => {
    assert.deepEqual(rateTerms({ perSecond: 20, burst: 20 }), { intervalSeconds: 0.05, burstSeconds: 1 });
    assert.deepEqual(rateTerms({ perSecond: 0.5, burst: 1 }), { intervalSeconds: 2, burstSeconds: 2 });
  });

  it('lets a full bucket send `burst` at once, then one per interval, each at a slot of its own', () => {
    const limit = { perSecond: 20, burst: 20 };
    const sends = schedule(Array(300).fill(0), limit);
    assert.deepEqual(sends.slice(0, 20), Array(20).fill(0));
    assert.deepEqual(
      sends.slice(20, 23).map((t) => Math.round(t)),
      [50, 100, 150],
    );
    assert.equal(Math.round(sends[299]), 280 * 50, 'the 300th goes 14 s later: (300 - burst) / rate');
    assert.equal(new Set(sends.slice(20).map((t) => Math.round(t))).size, 280, 'no two waiting attempts share a slot');
  });

  it('never lets more than burst + rate * window through in any window', () => {
    const limit = { perSecond: 20, burst: 20 };
    // Arrivals in bursts and lulls.
    const arrivals = Array.from({ length: 600 }, (_, i) => Math.floor(i / 50) * 1_700 + (i % 50) * 3);
    const sends = schedule(arrivals, limit);
    assert.ok(busiestWindow(sends, 1_000) <= 20 + 20, `busiest second: ${busiestWindow(sends, 1_000)}`);
    assert.ok(busiestWindow(sends, 5_000) <= 20 + 100);
    sends.forEach((t, i) => assert.ok(t >= arrivals[i], 'no attempt goes before it arrived'));
  });

  it('refills while idle: after a quiet spell the whole burst goes again', () => {
    const limit = { perSecond: 10, burst: 5 };
    const first = schedule(Array(5).fill(0), limit);
    assert.deepEqual(first, [0, 0, 0, 0, 0]);
    let fullAt: number | null = null;
    for (let i = 0; i < 5; i++) fullAt = takeSlot(fullAt, 0, limit).fullAt;
    // Half a second later the bucket is full again (5 / 10 per second).
    const later = Array.from({ length: 6 }, () => {
      const slot = takeSlot(fullAt, 500, limit);
      fullAt = slot.fullAt;
      return slot.sendAt;
    });
    assert.deepEqual(later, [500, 500, 500, 500, 500, 600]);
  });

  it('spaces a fractional rate: 0.5 per second is one every 2 s', () => {
    const sends = schedule(Array(4).fill(0), { perSecond: 0.5, burst: 1 });
    assert.deepEqual(sends, [0, 2_000, 4_000, 6_000]);
  });
});

describe('throttle arithmetic', () => {
  it('throttles on 429 and 503 only', () => {
    assert.ok(isThrottle(429));
    assert.ok(isThrottle(503));
    for (const code of [200, 410, 500, 502, 504, null]) assert.ok(!isThrottle(code), String(code));
  });

  it("honours the receiver's Retry-After, at least 1 s, at most an hour", () => {
    assert.equal(throttleSeconds(2, 0), 2);
    assert.equal(throttleSeconds(2, 5), 2, 'the receiver said how long');
    assert.equal(throttleSeconds(0, 0), 1);
    assert.equal(throttleSeconds(86_400, 0), 3_600);
  });

  it('without Retry-After: 2 s, doubling with each throttle since the last success, up to a minute', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 40].map((strikes) => throttleSeconds(null, strikes)),
      [2, 4, 8, 16, 32, 60, 60],
    );
  });

  it('spreads the deliveries it held back over a fifth of the wait', () => {
    assert.equal(throttleDeferralMs(2_000, () => 0), 2_001);
    assert.equal(throttleDeferralMs(2_000, () => 1), 2_401);
    assert.equal(throttleDeferralMs(-5, () => 0.5), 1);
  });
});

describe('maxConcurrency recheck', () => {
  it('looks again when the first lease ends, between 1 and 30 s, spread', () => {
    assert.equal(concurrencyRecheckMs(5_000, () => 0), 5_000);
    assert.equal(concurrencyRecheckMs(5_000, () => 1), 6_000);
    assert.equal(concurrencyRecheckMs(100, () => 0), 1_000);
    assert.equal(concurrencyRecheckMs(null, () => 0), 1_000);
    assert.equal(concurrencyRecheckMs(600_000, () => 0), 30_000);
  });
});
