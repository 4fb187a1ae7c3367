import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { devServerArgs } from '../../src/temporal/dev-server.js';

describe('the embedded Temporal dev server', () => {
  const pragmas = (args: string[]) => args.flatMap((arg, i) => (args[i - 1] === '--sqlite-pragma' ? [arg] : []));

  it('keeps its state on disk in WAL mode without an fsync per commit (what survives kill -9, as fast as in memory)', () => {
    const args = devServerArgs({ port: 7233, uiPort: 8233, dbFile: '.data/temporal.db' });
    assert.equal(args[args.indexOf('--db-filename') + 1], '.data/temporal.db');
    assert.deepEqual(pragmas(args), ['journal_mode=WAL', 'synchronous=NORMAL']);
  });

  it('takes other pragmas when asked (the benchmark compares them) and none in memory', () => {
    assert.deepEqual(pragmas(devServerArgs({ port: 7233, uiPort: 8233, dbFile: 't.db', sqlitePragmas: ['journal_mode=WAL'] })), [
      'journal_mode=WAL',
    ]);
    const inMemory = devServerArgs({ port: 7233, uiPort: 8233 });
    assert.equal(inMemory.includes('--db-filename'), false);
    assert.deepEqual(pragmas(inMemory), []);
  });
});
