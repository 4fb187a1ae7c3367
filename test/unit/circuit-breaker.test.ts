import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { circuitGate, cooldownSeconds, deferralMs, MAX_COOLDOWN_SECONDS, probeWindowSeconds } from '../../src/policy/circuit-breaker.js';

describe('circuit breaker', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const policy = { failureThreshold: 10, cooldownSeconds: 30 };

  it('is closed without an opening time, open before it and half-open once it has passed', () => {
    assert.equal(circuitGate(null, now), 'closed');
    assert.equal(circuitGate(new Date(now.getTime() + 1), now), 'open');
    assert.equal(circuitGate(now, now), 'half-open');
    assert.equal(circuitGate(new Date(now.getTime() - 60_000), now), 'half-open');
  });

  it('doubles the cooldown with each trip in a row, up to an hour', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((t) => cooldownSeconds(policy, t)),
      [30, 60, 120, 240],
    );
    assert.equal(cooldownSeconds(policy, 7), MAX_COOLDOWN_SECONDS);
    assert.equal(cooldownSeconds(policy, 10_000), MAX_COOLDOWN_SECONDS);
    assert.equal(cooldownSeconds({ failureThreshold: 1, cooldownSeconds: 3600 }, 0), 3600);
  });

  it('defers to the reopening, spread over a fifth of the wait so deferred deliveries do not arrive together', () => {
    const until = new Date(now.getTime() + 10_000);
    assert.equal(
      deferralMs(until, now, () => 0),
      10_001,
    );
    assert.equal(
      deferralMs(until, now, () => 0.999999),
      12_001,
    );
    const spread = new Set(Array.from({ length: 50 }, () => deferralMs(until, now)));
    assert.ok(spread.size > 40, `deferrals spread: ${spread.size} distinct of 50`);
    for (const d of spread) assert.ok(d > 10_000 && d <= 12_001, String(d));
    assert.equal(
      deferralMs(new Date(now.getTime() - 5_000), now, () => 0.5),
      1,
      'a passed opening waits next to nothing',
    );
  });

  it('holds the half-open circuit for one attempt timeout plus a margin', () => {
    assert.equal(probeWindowSeconds(15_000), 45);
    assert.equal(probeWindowSeconds(1_500), 32);
  });
});
