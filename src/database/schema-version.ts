import type { DatabaseSettings, MigrationsMode } from '../config.js';
import { createDataSource, migrateDatabase, pendingMigrations } from './data-source.js';

/** Something that logs; Nest's Logger in the service. */
interface Log {
  log(message: string): void;
  warn(message: string): void;
}

export class SchemaBehindError extends Error {}

const POLL_MS = 2000;
const REMIND_MS = 30_000;

/**
 * Before a process serves, its schema must be there: `check` refuses to start while migrations this code has are
 * not run yet, `wait` waits (saying so) until a `--role migrate` job has run them; `run` has just run them.
 */
export async function awaitSchema(mode: MigrationsMode, pending: () => Promise<string[]>, log: Log, pollMs = POLL_MS): Promise<void> {
  let missing = await pending();
  if (missing.length === 0) return;
  const behind = () => `the database schema is behind this code: ${missing.length} migration(s) not run (${missing.join(', ')})`;
  if (mode !== 'wait') throw new SchemaBehindError(`${behind()}; run \`--role migrate\` first (MIGRATIONS=${mode})`);
  log.warn(`${behind()}; waiting for \`--role migrate\` (MIGRATIONS=wait)`);
  let reminded = Date.now();
  while (missing.length > 0) {
    await new Promise((done) => setTimeout(done, pollMs));
    missing = await pending();
    if (missing.length > 0 && Date.now() - reminded >= REMIND_MS) {
      log.warn(`${behind()}; still waiting`);
      reminded = Date.now();
    }
  }
  log.log('the database schema is current: starting');
}

/** Before the application starts: its migrations run (MIGRATIONS=run), or awaited (wait), or checked (check). */
export async function prepareSchema(settings: DatabaseSettings, log: Log): Promise<void> {
  if (settings.migrations === 'run') {
    await migrateDatabase(settings);
    return;
  }
  const ds = createDataSource(settings.url, { ...settings, poolSize: 1, applicationName: `${settings.applicationName}-schema` });
  await ds.initialize();
  try {
    await awaitSchema(settings.migrations, () => pendingMigrations(ds), log);
  } finally {
    await ds.destroy();
  }
}
