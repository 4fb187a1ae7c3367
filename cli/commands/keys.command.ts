import { Command, Option } from 'commander';
import type { ApiKeyPage } from '../../clients/typescript/src/index.js';
import { clientFor, outputFor } from '../globals.js';
import { commaList } from '../input.js';
import { record, show, table, type Columns } from '../output.js';

const SCOPES = ['ingest', 'read', 'manage', 'admin'] as const;

const columns: Columns<ApiKeyPage['data'][number]> = [
  ['ID', (k) => k.id],
  ['SCOPES', (k) => k.scopes],
  ['EXPIRES', (k) => k.expiresAt],
  ['REVOKED', (k) => k.revokedAt],
  ['CREATED BY', (k) => k.createdBy],
  ['CREATED', (k) => k.createdAt],
];

export function keysCommand(): Command {
  const cmd = new Command('keys').description("the tenant's API keys (needs a key with scope admin)");

  cmd
    .command('create')
    .description('a new API key, shown once')
    .addOption(new Option('--scopes <scopes>', `comma-separated: ${SCOPES.join(',')} (default all)`).argParser(commaList))
    .option('--expires-at <time>', 'refused from this instant on (ISO 8601; default never)')
    .action(async (o: { scopes?: string[]; expiresAt?: string }, c: Command) => {
      const body = {
        ...(o.scopes !== undefined ? { scopes: o.scopes as (typeof SCOPES)[number][] } : {}),
        ...(o.expiresAt !== undefined ? { expiresAt: o.expiresAt } : {}),
      };
      show(
        outputFor(c),
        await clientFor(c).apiKeys.create(body),
        (k) => `${record(k, ['apiKey'])}\n\napi key  ${k.apiKey}\n(shown only now: keep it somewhere safe)`,
      );
    });

  cmd
    .command('list')
    .description('every key, revoked ones too')
    .action(async (_o: unknown, c: Command) => show(outputFor(c), await clientFor(c).apiKeys.list(), (p) => table(p.data, columns)));

  cmd
    .command('revoke <id>')
    .description('the key stops working at once')
    .action(async (id: string, _o: unknown, c: Command) => {
      await clientFor(c).apiKeys.revoke(id);
      show(outputFor(c), { id, revoked: true }, () => `revoked ${id}`);
    });

  return cmd;
}
