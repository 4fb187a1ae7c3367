import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StartShares } from '../../src/dispatch/start-shares.js';

describe('start shares', () => {
  it('lets a tenant alone use every slot', () => {
    const shares = new StartShares(8, 2000, () => 0);
    shares.seen('ten_storm');
    for (let i = 0; i < 40; i++) {
      assert.ok(shares.mayStart('ten_storm'), `start ${i + 1}`);
      shares.started('ten_storm');
    }
  });

  it("holds a burst to its share while another tenant is active, even with none of the other's waiting", () => {
    let now = 0;
    const shares = new StartShares(8, 2000, () => now);
    shares.seen('ten_healthy'); // one delivery, already started and done
    shares.started('ten_healthy');
    shares.ended('ten_healthy');
    now = 500;
    shares.seen('ten_storm');
    let started = 0;
    while (shares.mayStart('ten_storm')) {
      shares.started('ten_storm');
      started++;
    }
    assert.equal(started, 8, 'the storm goes in a few at a time');
    assert.ok(shares.mayStart('ten_healthy'), "the other tenant's next start is not held");
    shares.ended('ten_storm');
    assert.ok(shares.mayStart('ten_storm'), 'a start that ends frees a place');
    shares.started('ten_storm');
    now = 2600; // the healthy tenant has gone quiet
    assert.equal(shares.active, 1);
    assert.ok(shares.mayStart('ten_storm'), 'alone again: every slot');
  });
});
