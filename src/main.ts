import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, type AppConfig, type Role } from './config.js';
import type { DevServer } from './temporal/dev-server.js';

function parseRole(argv: string[]): Role {
  const i = argv.indexOf('--role');
  const role = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--role='))?.slice(7) ?? 'all');
  if (role !== 'all' && role !== 'api' && role !== 'worker' && role !== 'migrate') {
    console.error(`--role must be all, api, worker or migrate (got ${role})`);
    process.exit(2);
  }
  return role;
}

async function main(): Promise<void> {
  // The configuration, then Temporal, before the application's modules are even loaded (seconds on a busy
  // machine): a wrong setting or a refused credential is told at once, in one line.
  const config = loadConfig(process.env, parseRole(process.argv));
  if (config.role === 'migrate') return runMigrations(config);
  let devServer: DevServer | undefined;
  if (!config.temporal.address) {
    console.log('starting the embedded Temporal dev server...');
    const { startDevServer } = await import('./temporal/dev-server.js');
    devServer = await startDevServer({
      cliPath: config.temporal.cliPath,
      port: config.temporal.devPort,
      uiPort: config.temporal.devUiPort,
      dbFile: join(config.dataDir, 'temporal.db'),
      logFile: join(config.dataDir, 'temporal.log'),
    });
    config.temporal.address = devServer.address;
  }
  const { openTemporal } = await import('./temporal/temporal.connection.js');
  const temporal = await openTemporal(config.temporal);
  if (config.database.create) {
    const { ensureDatabase } = await import('./database/data-source.js');
    await ensureDatabase(config.databaseUrl);
  }
  const { createApp } = await import('./app.js');
  const { MAX_TIMEOUT_MS } = await import('./subscriptions/subscription.dto.js');
  const { drainAndClose } = await import('./shutdown.js');
  const app = await createApp(config, temporal);
  await app.listen(config.port, config.host);

  const base = `http://localhost:${config.port}`;
  const { connection } = config.temporal;
  const secured = [
    connection.tls && typeof connection.tls === 'object' && connection.tls.clientCertPair ? 'mTLS' : connection.tls ? 'TLS' : '',
    connection.apiKey ? 'API key' : '',
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    '',
    `  hookrelay is running (role ${config.role})`,
    `  API          ${base}/v1`,
    `  API docs     ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    ...(config.role !== 'worker' ? [`  Console      ${base}/console   (sign in with the API key)`] : []),
    `  Temporal     ${devServer ? 'embedded dev server, ' : ''}${config.temporal.address}, namespace ${config.temporal.namespace}${secured ? ` (${secured})` : ''}`,
    `  Temporal UI  ${config.temporal.uiUrl}`,
  ];
  if (devServer && config.bootstrapApiKey)
    lines.push(`  API key      ${config.bootstrapApiKey}   (kept in ${join(config.dataDir, 'bootstrap-api-key')})`);
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // SIGINT is a person at a terminal: no load balancer to wait for.
    const graceMs = signal === 'SIGTERM' ? config.shutdownDrainMs : 0;
    console.log(
      `${signal}: draining (/ready answers 503${graceMs ? ` for ${graceMs} ms` : ''}), then closing the listener, the worker and connections...`,
    );
    // Past the drain, the worker's grace (attempts in flight finish) and the rest of the shutdown, give up.
    const force = setTimeout(() => process.exit(1), graceMs + MAX_TIMEOUT_MS + 30_000).unref();
    try {
      await drainAndClose(app, graceMs);
      await devServer?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** `--role migrate`: the pending migrations, then exit (0 when done; 1 with a one-line error). A pre-deploy job. */
async function runMigrations(config: AppConfig): Promise<void> {
  const { ensureDatabase, migrateDatabase } = await import('./database/data-source.js');
  try {
    if (config.database.create) await ensureDatabase(config.databaseUrl);
    const ran = await migrateDatabase(config.database);
    console.log(ran.length ? `migrations run: ${ran.join(', ')}` : 'migrations: none pending');
    process.exit(0);
  } catch (err) {
    console.error(`migrate failed: ${oneLine(err)}`);
    process.exit(1);
  }
}

const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

main().catch(async (err: unknown) => {
  const { SchemaBehindError } = await import('./database/schema-version.js');
  console.error(err instanceof ConfigError ? err.message : err instanceof SchemaBehindError ? oneLine(err) : err);
  process.exit(1);
});
