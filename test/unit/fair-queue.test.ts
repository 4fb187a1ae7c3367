import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FairQueue } from '../../src/dispatch/fair-queue.js';

describe('fair queue', () => {
  const drain = <T>(q: FairQueue<T>, mayTake?: (key: string) => boolean) => {
    const out: string[] = [];
    for (let next = q.take(mayTake); next; next = q.take(mayTake)) out.push(`${next.key}:${String(next.item)}`);
    return out;
  };

  it('serves keys in turn, each in its own order, so a burst does not delay another key', () => {
    const q = new FairQueue<number>();
    for (let i = 1; i <= 4; i++) q.push('storm', i);
    q.push('calm', 1);
    q.push('other', 1);
    q.push('calm', 2);
    assert.equal(q.size, 7);
    assert.equal(q.keys, 3);
    assert.deepEqual(drain(q), ['storm:1', 'calm:1', 'other:1', 'storm:2', 'calm:2', 'storm:3', 'storm:4']);
    assert.equal(q.size, 0);
    assert.equal(q.take(), undefined);
  });

  it('skips keys it may not take now and keeps their items for later', () => {
    const q = new FairQueue<number>();
    q.push('busy', 1);
    q.push('busy', 2);
    q.push('free', 1);
    assert.deepEqual(
      drain(q, (key) => key !== 'busy'),
      ['free:1'],
    );
    assert.equal(q.size, 2);
    assert.deepEqual(drain(q), ['busy:1', 'busy:2']);
  });
});
