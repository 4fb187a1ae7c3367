import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server.js';
import { freePort } from './ports.js';

/** One in-memory Temporal dev server on free ports, for a whole test (or fuzz, or bench) run. */
export async function startTestTemporal(): Promise<DevServer> {
  return startDevServer({
    port: await freePort(),
    uiPort: await freePort(),
    headless: true,
    logFile: join(tmpdir(), `hookrelay-temporal-${process.pid}.log`),
  });
}
