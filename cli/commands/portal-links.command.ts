import { Command } from 'commander';
import { clientFor, outputFor } from '../globals.js';
import { integer } from '../input.js';
import { show } from '../output.js';

export function portalLinksCommand(): Command {
  const cmd = new Command('portal-links').description('short-lived links into the console for your customers');

  cmd
    .command('create')
    .description('a link (and its token) into the console for this tenant')
    .option('--ttl-seconds <n>', 'how long the link works', integer)
    .option('--read-only', 'only look: no changes through the link')
    .action(async (o: { ttlSeconds?: number; readOnly?: boolean }, c: Command) => {
      const body = { ...(o.ttlSeconds !== undefined ? { ttlSeconds: o.ttlSeconds } : {}), ...(o.readOnly ? { readOnly: true } : {}) };
      show(outputFor(c), await clientFor(c).portalSessions.create(body), (p) => `${p.url}\n(expires ${p.expiresAt})`);
    });

  return cmd;
}
