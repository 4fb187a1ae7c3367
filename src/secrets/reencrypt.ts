// Usage: SECRETS_KEY=<new> SECRETS_KEY_PREVIOUS=<old> npm run secrets:reencrypt [-- --after <subscription id>]
// Step 3 of a SECRETS_KEY rotation (docs/security.md): run it only once every process has the new key as
// SECRETS_KEY. Reseals every subscription credential with it, in batches by id, each row written only if it is
// still what was read; safe to stop and rerun (`--after` resumes). It ends by counting what is left on an old key:
// 0 means SECRETS_KEY_PREVIOUS may be dropped.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource } from '../database/data-source.js';
import { countStale, reencryptSubscriptions } from './reencryption.js';
import { SecretBox } from './secret-box.js';

const { values } = parseArgs({ options: { after: { type: 'string' }, 'batch-size': { type: 'string' } } });
const config = loadConfig(process.env);
const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
const db = createDataSource(config.databaseUrl, { poolSize: 2, applicationName: 'hookrelay-reencrypt' });
await db.initialize();
try {
  const done = await reencryptSubscriptions(db, box, {
    after: values.after ?? null,
    batchSize: values['batch-size'] ? Number(values['batch-size']) : 500,
    onBatch: (p) => console.log(`resealed ${p.resealed}, already current ${p.current}, through ${p.lastId} (resume: --after ${p.lastId})`),
  });
  const stale = await countStale(db, box);
  console.log(
    `done: resealed ${done.resealed}, already current ${done.current}; subscriptions still on an old key: ${stale}` +
      (done.contended.length ? ` (changed during the run, rerun to seal: ${done.contended.join(', ')})` : ''),
  );
  // A process still sealing with the old key (step 2 not finished everywhere) leaves rows behind: say so, fail.
  if (stale > 0) {
    console.error('keep the old key in SECRETS_KEY_PREVIOUS: check every process runs the new SECRETS_KEY, then rerun');
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
