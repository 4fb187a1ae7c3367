import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namedSql } from '../../src/database/named-sql.js';

describe('named SQL parameters', () => {
  it('numbers each name once, in order of first use, and keeps casts and upper-case text', () => {
    const [sql, params] = namedSql(`SELECT :b::int, :a, :b, to_char(now(), 'HH24:MI:SS'), x::text FROM t WHERE id = :a`, { a: 'A', b: 2 });
    assert.equal(sql, `SELECT $1::int, $2, $1, to_char(now(), 'HH24:MI:SS'), x::text FROM t WHERE id = $2`);
    assert.deepEqual(params, [2, 'A']);
  });

  it('refuses a name without a value', () => {
    assert.throws(() => namedSql('SELECT :missing', {}), /no value for :missing/);
  });
});
