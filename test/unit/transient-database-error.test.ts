import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTransientDatabaseError } from '../../src/database/database-unavailable.js';

describe('database errors worth retrying', () => {
  it('knows an unreachable or restarting database', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      { message: 'terminating connection due to administrator command', driverError: { code: '57P01' } },
      { message: 'database "x" is not currently accepting connections', code: '55000' },
      { message: 'connection failure', driverError: { code: '08006' } },
      { message: 'sorry, too many clients already', code: '53300' },
      { message: 'deadlock detected', code: '40P01' },
    ]) {
      assert.equal(isTransientDatabaseError(err), true, String((err as Error).message));
    }
  });

  it('does not retry what is wrong with the work itself', () => {
    for (const err of [
      new Error('cannot open a secret sealed with key ?'),
      { message: 'invalid byte sequence for encoding "UTF8": 0x00', driverError: { code: '22021' } },
      { message: 'duplicate key value violates unique constraint', code: '23505' },
      null,
      'a string',
    ]) {
      assert.equal(isTransientDatabaseError(err), false, String(err && (err as Error).message));
    }
  });
});
