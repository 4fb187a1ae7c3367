import { Command, Option } from 'commander';
import type { Delivery, DeliveryPage } from '../../clients/typescript/src/index.js';
import { clientFor, outputFor } from '../globals.js';
import { integer } from '../input.js';
import { nextPage, record, show, table, type Columns } from '../output.js';

type Listed = DeliveryPage['data'][number];

const columns: Columns<Listed> = [
  ['ID', (d) => d.id],
  ['STATUS', (d) => d.status],
  ['EVENT TYPE', (d) => d.eventType],
  ['ATTEMPTS', (d) => d.attemptCount],
  ['LAST CODE', (d) => d.lastStatusCode],
  ['CREATED', (d) => d.createdAt],
];

const attemptColumns: Columns<Delivery['attempts'][number]> = [
  ['#', (a) => a.number],
  ['STARTED', (a) => a.startedAt],
  ['CODE', (a) => a.statusCode],
  ['MS', (a) => a.durationMs],
  ['ERROR', (a) => (a.error ? `${a.error.type}: ${a.error.message}` : null)],
];

const STATUSES = ['scheduled', 'held', 'sending', 'retrying', 'succeeded', 'failed', 'cancelled'] as const;

export function deliveriesCommand(): Command {
  const cmd = new Command('deliveries').description('what was sent to a subscription, attempt by attempt');

  cmd
    .command('list')
    .description("a subscription's deliveries, newest first")
    .requiredOption('--subscription <id>', 'sub_...')
    .addOption(new Option('--status <status>').choices(STATUSES))
    .option('--event-type <type>')
    .option('--since <time>', 'ISO 8601')
    .option('--limit <n>', '1..250', integer)
    .option('--cursor <cursor>', 'the next page, from a previous list')
    .action(
      async (
        o: {
          subscription: string;
          status?: (typeof STATUSES)[number];
          eventType?: string;
          since?: string;
          limit?: number;
          cursor?: string;
        },
        c: Command,
      ) => {
        const { subscription, ...query } = o;
        const page = await clientFor(c).deliveries.list(subscription, query);
        show(outputFor(c), page, (p) => table(p.data, columns) + nextPage(p.nextCursor));
      },
    );

  cmd
    .command('show <id>')
    .description('one delivery with every attempt')
    .action(async (id: string, _o: unknown, c: Command) => {
      const delivery = await clientFor(c).deliveries.get(id);
      show(
        outputFor(c),
        delivery,
        (d) => `${record(d, ['attempts'])}\n\n${d.attempts.length ? table(d.attempts, attemptColumns) : '(no attempt yet)'}`,
      );
    });

  cmd
    .command('redeliver <id>')
    .description('a new delivery of the same event to the same subscription')
    .action(async (id: string, _o: unknown, c: Command) =>
      show(outputFor(c), await clientFor(c).deliveries.redeliver(id), (d) => `${d.id} ${d.kind} ${d.status}`),
    );

  cmd
    .command('cancel <id>')
    .description('no more attempts')
    .action(async (id: string, _o: unknown, c: Command) =>
      show(outputFor(c), await clientFor(c).deliveries.cancel(id), (d) => `${d.id} ${d.status}`),
    );

  return cmd;
}
