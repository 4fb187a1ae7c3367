import type { Command } from 'commander';
import type { Line } from '../../clients/typescript/src/index.js';
import { clientFor, outputFor } from '../globals.js';
import { integer } from '../input.js';
import { nextPage, show, table, type Columns } from '../output.js';

const columns: Columns<Line> = [
  ['ORDERING KEY', (l) => JSON.stringify(l.orderingKey)],
  ['HEAD', (l) => l.head.id],
  ['STATUS', (l) => (l.blocked ? `${l.head.status} (blocked)` : l.head.status)],
  ['ATTEMPTS', (l) => l.head.attemptCount],
  ['WAITING', (l) => l.waiting],
];

/** `subscriptions lines` and `subscriptions skip`: a FIFO subscription's lines, and moving a stuck one on. */
export function addLineCommands(cmd: Command): void {
  cmd
    .command('lines <id>')
    .description("a FIFO subscription's lines with work in them: each head and how many wait behind it")
    .option('--stuck', 'only lines whose head has failed (blocked, or retrying after a failed attempt)')
    .option('--limit <n>', '1..250', integer)
    .option('--cursor <cursor>', 'the next page, from a previous list')
    .action(async (id: string, o: { stuck?: boolean; limit?: number; cursor?: string }, c: Command) => {
      const { stuck, ...page } = o;
      const lines = await clientFor(c).subscriptions.lines(id, { ...page, ...(stuck ? { stuck: 'true' as const } : {}) });
      show(outputFor(c), lines, (p) => (p.data.length ? table(p.data, columns) : 'no line has work in it') + nextPage(p.nextCursor));
    });

  cmd
    .command('skip <id>')
    .description("skip a line's head: it ends cancelled (reason skipped) and the next goes")
    .requiredOption('--ordering-key <key>', 'the line, as `subscriptions lines` shows it (its value at the orderingKey pointer)')
    .action(async (id: string, o: { orderingKey: string }, c: Command) => {
      const skipped = await clientFor(c).subscriptions.skipLineHead(id, o.orderingKey);
      show(outputFor(c), skipped, (s) => `skipped ${s.skipped}; ${s.next ? `next: ${s.next}` : 'the line is empty'}`);
    });
}
