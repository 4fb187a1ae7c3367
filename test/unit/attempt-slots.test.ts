import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttemptSlots, type Slot } from '../../activities/attempt-slots.js';

const granted = (r: Slot | { retryInMs: number }): r is Slot => 'release' in r;

describe('attempt slots shared between tenants and subscriptions', () => {
  it('lets a tenant alone use half the worker, and keeps the other half for a newcomer', () => {
    const slots = new AttemptSlots(200, () => 0);
    const held = [];
    for (let i = 0; i < 250; i++) {
      const r = slots.tryAcquire('ten_slow', `sub_${i}`, 60_000);
      if (granted(r)) held.push(r);
    }
    assert.equal(held.length, 100);
    assert.ok(granted(slots.tryAcquire('ten_other', 'sub_b', 15_000)), 'another tenant still gets a slot');
  });

  it('shares between tenants as more of them hold slots: total / (tenants + 1) each', () => {
    const slots = new AttemptSlots(200, () => 0);
    const count = (tenant: string) => {
      let n = 0;
      for (let i = 0; i < 300; i++) if (granted(slots.tryAcquire(tenant, `${tenant}_sub_${i}`, 60_000))) n++;
      return n;
    };
    assert.equal(count('a'), 100); // alone: 200 / 2
    assert.equal(count('b'), 66); // b joins a: 200 / 3 each (a keeps what it already holds)
    assert.equal(count('c'), 34); // what is left: 200 - 166, below c's share of 50
    assert.equal(slots.used, 200);
    const refused = slots.tryAcquire('d', 'd_sub', 1000);
    assert.ok(!granted(refused));
  });

  it("shares a tenant's part between its subscriptions, so its own hanging endpoint does not block its others", () => {
    const slots = new AttemptSlots(200, () => 0);
    let hanging = 0;
    for (let i = 0; i < 200; i++) if (granted(slots.tryAcquire('ten', 'sub_hanging', 60_000))) hanging++;
    assert.equal(hanging, 50); // the tenant's 100, halved while it is the tenant's only subscription in flight
    assert.ok(granted(slots.tryAcquire('ten', 'sub_healthy', 15_000)));
  });

  it('gives a slot back once, and says to wait until the earliest attempt in the way is due to end', () => {
    let now = 1_000;
    const slots = new AttemptSlots(2, () => now);
    const first = slots.tryAcquire('ten', 'sub', 30_000);
    assert.ok(granted(first));
    now += 10_000;
    const refused = slots.tryAcquire('ten', 'sub', 30_000);
    assert.ok(!granted(refused));
    assert.ok(refused.retryInMs >= 20_000 && refused.retryInMs <= 24_000, `retry in ${refused.retryInMs} ms`);
    first.release();
    first.release();
    assert.equal(slots.used, 0);
    assert.ok(granted(slots.tryAcquire('ten', 'sub', 30_000)));
  });

  it('has waiters behind fast attempts look again soon, and those behind hanging ones wait for the timeout', () => {
    let now = 0;
    const slots = new AttemptSlots(8, () => now);
    // A healthy subscription's attempts end in 20 ms: a waiter behind its share looks again within half a second.
    const fast = [slots.tryAcquire('ten', 'sub_fast', 15_000), slots.tryAcquire('ten', 'sub_fast', 15_000)];
    now += 20;
    for (const s of fast) if (granted(s)) s.release();
    const again = [slots.tryAcquire('ten', 'sub_fast', 15_000), slots.tryAcquire('ten', 'sub_fast', 15_000)];
    assert.ok(again.every(granted));
    const behindFast = slots.tryAcquire('ten', 'sub_fast', 15_000);
    assert.ok(!granted(behindFast));
    assert.ok(behindFast.retryInMs <= 300, `retry in ${behindFast.retryInMs} ms behind 20 ms attempts`);
    for (const s of again) if (granted(s)) s.release();
    // A hanging one's attempts run to their timeout: its waiters wait until the earliest is due.
    const hanging = [slots.tryAcquire('ten2', 'sub_hang', 10_000), slots.tryAcquire('ten2', 'sub_hang', 10_000)];
    now += 10_000;
    for (const s of hanging) if (granted(s)) s.release();
    slots.tryAcquire('ten2', 'sub_hang', 10_000);
    slots.tryAcquire('ten2', 'sub_hang', 10_000);
    const behindHanging = slots.tryAcquire('ten2', 'sub_hang', 10_000);
    assert.ok(!granted(behindHanging));
    assert.ok(behindHanging.retryInMs >= 10_000, `retry in ${behindHanging.retryInMs} ms behind hanging attempts`);
  });
});
