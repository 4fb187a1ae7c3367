import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HookrelayClient } from '../clients/typescript/src/index.js';
import { UsageError } from './exit-codes.js';

export const DEFAULT_API_URL = 'http://localhost:3000';

export interface ConnectionOptions {
  apiUrl?: string;
  apiKey?: string;
}

export interface Connection {
  apiUrl: string;
  apiKey: string;
}

/**
 * Where to reach the service and with which key: flags, then HOOKRELAY_API_URL / HOOKRELAY_API_KEY, then what
 * `npm start` leaves beside it (its embedded default keeps the bootstrap key in `.data/bootstrap-api-key`).
 */
export function resolveConnection(options: ConnectionOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Connection {
  const apiUrl = options.apiUrl ?? env['HOOKRELAY_API_URL'] ?? DEFAULT_API_URL;
  const keyFile = join(resolve(cwd, env['DATA_DIR'] ?? '.data'), 'bootstrap-api-key');
  const apiKey = options.apiKey ?? env['HOOKRELAY_API_KEY'] ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
  if (!apiKey) {
    throw new UsageError(`no API key: pass --api-key, set HOOKRELAY_API_KEY, or run beside \`npm start\` (it keeps one in ${keyFile})`);
  }
  try {
    new URL(apiUrl);
  } catch {
    throw new UsageError(`--api-url must be a URL such as ${DEFAULT_API_URL} (got ${apiUrl})`);
  }
  return { apiUrl, apiKey };
}

export function connect(options: ConnectionOptions): HookrelayClient {
  const { apiUrl, apiKey } = resolveConnection(options);
  // Few retries: a person is waiting, and "cannot reach the service" should come within about two seconds.
  return new HookrelayClient({ baseUrl: apiUrl, apiKey, retries: { retries: 2, baseDelayMs: 300 } });
}
