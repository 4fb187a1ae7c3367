import { Command } from 'commander';
import type { EventPage } from '../../clients/typescript/src/index.js';
import { UsageError } from '../exit-codes.js';
import { clientFor, outputFor } from '../globals.js';
import { integer, parseJsonObject, readInput } from '../input.js';
import { nextPage, record, show, table, type Columns } from '../output.js';

const columns: Columns<EventPage['data'][number]> = [
  ['ID', (e) => e.id],
  ['TYPE', (e) => e.type],
  ['OCCURRED', (e) => e.occurredAt],
];

const deliveryColumns: Columns<{ id: string; subscriptionId: string; status: string }> = [
  ['DELIVERY', (d) => d.id],
  ['SUBSCRIPTION', (d) => d.subscriptionId],
  ['STATUS', (d) => d.status],
];

export function eventsCommand(): Command {
  const cmd = new Command('events').description('send events and read the event log');

  cmd
    .command('send')
    .description('send one event (an Idempotency-Key is generated unless given)')
    .requiredOption('--type <type>', 'a type from the catalog, e.g. job.created')
    .option('--data <json>', 'the event data, a JSON object')
    .option('--file <path>', 'read the data from a file (- for standard input)')
    .option('--id <id>', 'your id for the event: a repeat with it creates nothing new')
    .option('--idempotency-key <key>', 'a repeat with this key returns the first answer')
    .action(async (o: { type: string; data?: string; file?: string; id?: string; idempotencyKey?: string }, c: Command) => {
      if ((o.data === undefined) === (o.file === undefined))
        throw new UsageError('give the event data with exactly one of --data or --file');
      const data = o.data !== undefined ? parseJsonObject(o.data, '--data') : parseJsonObject(readInput(o.file!), o.file!);
      const event = { type: o.type, data, ...(o.id ? { id: o.id } : {}) };
      const accepted = await clientFor(c).sendEvent(event, o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {});
      show(outputFor(c), accepted, (a) =>
        a.deliveries.length
          ? `${a.id} ${a.type}\n\n${table(a.deliveries, deliveryColumns)}`
          : `${a.id} ${a.type} (no subscription matched)`,
      );
    });

  cmd
    .command('list')
    .description('the event log, newest first')
    .option('--type <type>')
    .option('--since <time>', 'ISO 8601, e.g. 2026-11-25T10:00:00Z')
    .option('--limit <n>', '1..250', integer)
    .option('--cursor <cursor>', 'the next page, from a previous list')
    .action(async (o: { type?: string; since?: string; limit?: number; cursor?: string }, c: Command) => {
      const page = await clientFor(c).events.list(o);
      show(outputFor(c), page, (p) => table(p.data, columns) + nextPage(p.nextCursor));
    });

  cmd
    .command('show <id>')
    .description('one event, its data and its deliveries')
    .action(async (id: string, _o: unknown, c: Command) => {
      const event = await clientFor(c).events.get(id);
      show(
        outputFor(c),
        event,
        (e) => `${record(e, ['data', 'deliveries'])}\n\n${JSON.stringify(e.data, null, 2)}\n\n${table(e.deliveries, deliveryColumns)}`,
      );
    });

  return cmd;
}
