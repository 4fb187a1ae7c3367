import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Role } from './config.js';
import { ensureDatabase } from './database/data-source.js';
import { startDevServer, type DevServer } from './temporal/dev-server.js';
import { MAX_TIMEOUT_MS } from './subscriptions/subscription.dto.js';

function parseRole(argv: string[]): Role {
  const i = argv.indexOf('--role');
  const role = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--role='))?.slice(7) ?? 'all');
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    console.error(`--role must be all, api or worker (got ${role})`);
    process.exit(2);
  }
  return role;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, parseRole(process.argv));
  let devServer: DevServer | undefined;
  if (!config.temporal.address) {
    console.log('starting the embedded Temporal dev server...');
    devServer = await startDevServer({
      cliPath: config.temporal.cliPath,
      port: config.temporal.devPort,
      uiPort: config.temporal.devUiPort,
      dbFile: join(config.dataDir, 'temporal.db'),
      logFile: join(config.dataDir, 'temporal.log'),
    });
    config.temporal.address = devServer.address;
  }
  await ensureDatabase(config.databaseUrl);
  const app = await createApp(config);
  await app.listen(config.port, config.host);

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  hookrelay is running (role ${config.role})`,
    `  API          ${base}/v1`,
    `  API docs     ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    ...(config.role !== 'worker' ? [`  Console      ${base}/console   (sign in with the API key)`] : []),
    `  Temporal UI  ${config.temporal.uiUrl}`,
  ];
  if (devServer && config.bootstrapApiKey)
    lines.push(`  API key      ${config.bootstrapApiKey}   (kept in ${join(config.dataDir, 'bootstrap-api-key')})`);
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining the worker and closing connections...`);
    // Past the worker's grace (attempts in flight finish) and the rest of the shutdown, give up.
    const force = setTimeout(() => process.exit(1), MAX_TIMEOUT_MS + 30_000).unref();
    try {
      await app.close();
      await devServer?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
