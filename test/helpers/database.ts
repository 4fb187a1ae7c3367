import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../../src/database/data-source.js';

const SERVER = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';

/** A throwaway database per test file; dropped by `drop()`. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hookrelay_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = `${SERVER}/${name}`;
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
