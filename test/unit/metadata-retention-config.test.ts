import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('METADATA_RETENTION_DAYS', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookrelay-metadata-retention-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });

  it('unset or empty keeps metadata forever', () => {
    assert.equal(load({}).metadataRetentionDays, null);
    assert.equal(load({ METADATA_RETENTION_DAYS: '' }).metadataRetentionDays, null);
  });

  it('at least RETENTION_DAYS', () => {
    assert.equal(load({ METADATA_RETENTION_DAYS: '30' }).metadataRetentionDays, 30);
    assert.equal(load({ RETENTION_DAYS: '7', METADATA_RETENTION_DAYS: '90' }).metadataRetentionDays, 90);
    assert.throws(
      () => load({ RETENTION_DAYS: '30', METADATA_RETENTION_DAYS: '7' }),
      (err: Error) => err instanceof ConfigError && /METADATA_RETENTION_DAYS: must be at least RETENTION_DAYS \(30\)/.test(err.message),
    );
  });

  it('a positive number of days, named when wrong', () => {
    for (const value of ['0', '-1', 'forever', '40000'])
      assert.throws(
        () => load({ METADATA_RETENTION_DAYS: value }),
        (err: Error) => err instanceof ConfigError && /METADATA_RETENTION_DAYS/.test(err.message),
        value,
      );
  });
});
