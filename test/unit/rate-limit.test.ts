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
  type RateBucket,
  type RateLimit,
} from '../../src/policy/flow-limits.js';

/**
 * Runs attempts arriving at `arrivals` (ms) through the bucket: an attempt goes, or comes back at its slot (plus
 * `lag(i)` ms, a worker that falls behind) holding it. Returns when each went.
 */
function simulate(arrivals: number[], limit: RateLimit, lag: (i: number) => number = () => 0): number[] {
  let bucket: RateBucket | null = null;
  const sent: number[] = Array(arrivals.length);
  const due = arrivals.map((at, i) => ({ at, i, holds: false }));
  while (due.length) {
    due.sort((a, b) => a.at - b.at || a.i - b.i);
    const next = due.shift()!;
    const take = takeSlot(bucket, next.at, limit, next.holds);
    bucket = take.bucket;
    if (take.go) sent[next.i] = next.at;
    else {
      assert.ok(take.slotAt > next.at, 'a slot lies ahead');
      due.push({ at: take.slotAt + lag(next.i), i: next.i, holds: true });
    }
  }
  return sent;
}

/** The most send times in any window of `windowMs` (closed at the start, open at the end). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] <= sorted[i] - windowMs + 1e-9) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('rate limit arithmetic (GCRA, waiting attempts queued in slots)', () => {
  it('defaults the burst to one second of the rate, at least 1', () => {
    assert.equal(defaultBurst(20), 20);
    assert.equal(defaultBurst(0.5), 1);
    assert.equal(defaultBurst(2.5), 3);
  });

  it('turns the limit into bucket time', () => {
    assert.deepEqual(rateTerms({ perSecond: 20, burst: 20 }), { intervalSeconds: 0.05, burstSeconds: 1 });
    assert.deepEqual(rateTerms({ perSecond: 0.5, burst: 1 }), { intervalSeconds: 2, burstSeconds: 2 });
  });

  it('lets a full bucket send `burst` at once, then one per interval: each waiting attempt has a slot of its own', () => {
    const sent = simulate(Array(300).fill(0), { perSecond: 20, burst: 20 });
    assert.deepEqual(sent.slice(0, 20), Array(20).fill(0));
    assert.deepEqual(
      sent.slice(20, 23).map((t) => Math.round(t)),
      [50, 100, 150],
    );
    assert.equal(Math.round(sent[299]), 280 * 50, 'the 300th goes 14 s later: (300 - burst) / rate');
    assert.equal(new Set(sent.map((t) => Math.round(t))).size, 281, 'the burst, then no two at once');
  });

  it('never lets more than burst + rate * window go in any window, whatever the arrivals', () => {
    const limit = { perSecond: 20, burst: 20 };
    const arrivals = Array.from({ length: 600 }, (_, i) => Math.floor(i / 50) * 1_700 + (i % 50) * 3);
    const sent = simulate(arrivals, limit);
    assert.ok(busiestWindow(sent, 1_000) <= 20 + 20, `busiest second: ${busiestWindow(sent, 1_000)}`);
    assert.ok(busiestWindow(sent, 5_000) <= 20 + 100);
    sent.forEach((t, i) => assert.ok(t >= arrivals[i], 'no attempt goes before it arrived'));
  });

  it('holds the limit when waiting attempts come back late and bunched (a worker that fell behind)', () => {
    const limit = { perSecond: 20, burst: 20 };
    // Every attempt that waits comes back up to 2 s late, in clumps.
    const sent = simulate(Array(300).fill(0), limit, (i) => (i % 7) * 300);
    assert.equal(sent.filter((t) => t !== undefined).length, 300, 'every attempt went');
    assert.ok(busiestWindow(sent, 1_000) <= 20 + 20, `busiest second: ${busiestWindow(sent, 1_000)}`);
    assert.ok(busiestWindow(sent, 3_000) <= 20 + 60, `busiest 3 s: ${busiestWindow(sent, 3_000)}`);
  });

  it('queues newcomers behind the attempts already waiting', () => {
    const limit = { perSecond: 10, burst: 1 };
    // Three at once: one goes, two wait (100, 200 ms). A newcomer at 150 ms, when the bucket has room, waits too.
    const sent = simulate([0, 0, 0, 150], limit);
    assert.deepEqual(sent, [0, 100, 200, 300]);
  });

  it('refills while idle: after a quiet spell the whole burst goes again', () => {
    const sent = simulate([...Array(5).fill(0), ...Array(6).fill(500)], { perSecond: 10, burst: 5 });
    assert.deepEqual(sent, [0, 0, 0, 0, 0, 500, 500, 500, 500, 500, 600]);
  });

  it('spaces a fractional rate: 0.5 per second is one every 2 s', () => {
    assert.deepEqual(simulate(Array(4).fill(0), { perSecond: 0.5, burst: 1 }), [0, 2_000, 4_000, 6_000]);
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
    assert.equal(
      throttleDeferralMs(2_000, () => 0),
      2_001,
    );
    assert.equal(
      throttleDeferralMs(2_000, () => 1),
      2_401,
    );
    assert.equal(
      throttleDeferralMs(-5, () => 0.5),
      1,
    );
  });
});

describe('maxConcurrency recheck', () => {
  it('looks again when the first lease ends, between 1 and 30 s, spread', () => {
    assert.equal(
      concurrencyRecheckMs(5_000, () => 0),
      5_000,
    );
    assert.equal(
      concurrencyRecheckMs(5_000, () => 1),
      6_000,
    );
    assert.equal(
      concurrencyRecheckMs(100, () => 0),
      1_000,
    );
    assert.equal(
      concurrencyRecheckMs(null, () => 0),
      1_000,
    );
    assert.equal(
      concurrencyRecheckMs(600_000, () => 0),
      30_000,
    );
  });
});
