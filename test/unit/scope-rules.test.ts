import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grants, requireScope } from '../../src/auth/scope-rules.js';
import { FULL_TENANT_SCOPES, type Scope } from '../../src/policy/scopes.js';
import { AppError } from '../../src/common/errors.js';

describe('scope rules: manage is everything but keys, admin is keys too', () => {
  it('grants each scope what it includes and nothing more', () => {
    const table: [held: Scope[], granted: Scope[]][] = [
      [['ingest'], ['ingest']],
      [['read'], ['read']],
      [['manage'], ['ingest', 'read', 'manage']],
      [['admin'], ['ingest', 'read', 'manage', 'admin']],
      [['operator'], ['operator']],
      [
        ['read', 'manage'],
        ['ingest', 'read', 'manage'],
      ],
      [[...FULL_TENANT_SCOPES], ['ingest', 'read', 'manage', 'admin']],
    ];
    const all: Scope[] = ['ingest', 'read', 'manage', 'admin', 'operator'];
    for (const [held, granted] of table) {
      assert.deepEqual(
        all.filter((s) => grants(held, s)),
        granted,
        `held ${held.join(',')}`,
      );
    }
  });

  it('refuses with a 403 problem that names the missing scope', () => {
    assert.doesNotThrow(() => requireScope(['admin'], 'read'));
    assert.throws(
      () => requireScope(['manage'], 'admin', 'a key with it'),
      (err: unknown) => err instanceof AppError && err.status === 403 && err.code === 'missing-scope' && /`admin`/.test(err.detail),
    );
  });
});
