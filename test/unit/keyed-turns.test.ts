import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyedTurns } from '../../src/common/keyed-turns.js';

describe('keyed turns', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('runs one at a time per key, in arrival order, and different keys side by side', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const job = (name: string) => () => {
      log.push(`start ${name}`);
      return new Promise<string>((resolve) => gates.set(name, () => (log.push(`end ${name}`), resolve(name))));
    };
    const done = [turns.run('sub_hot', job('a1')), turns.run('sub_hot', job('a2')), turns.run('sub_calm', job('b1'))];
    await tick();
    assert.deepEqual(log, ['start a1', 'start b1'], 'the second write to the hot row waits; the other row does not');
    gates.get('b1')!();
    gates.get('a1')!();
    await tick();
    assert.deepEqual(log.slice(2), ['end b1', 'end a1', 'start a2']);
    gates.get('a2')!();
    assert.deepEqual(await Promise.all(done), ['a1', 'a2', 'b1']);
    await tick();
    assert.equal(turns.keys, 0, 'nothing kept once the keys are idle');
  });

  it('a failed turn fails only its own caller and lets the next one go', async () => {
    const turns = new KeyedTurns();
    const failed = turns.run('sub_1', () => Promise.reject(new Error('deadlock')));
    const next = turns.run('sub_1', async () => 'ran');
    await assert.rejects(failed, /deadlock/);
    assert.equal(await next, 'ran');
  });
});
