import { Command } from 'commander';
import type { Delivery, DeliveryPage } from '../../clients/typescript/src/index.js';
import { clientFor, outputFor } from '../globals.js';
import { integer } from '../input.js';
import { deliveryFilters, withDeliveryFilters } from './replays.command.js';
import { nextPage, record, show, table, type Columns } from '../output.js';

type Listed = DeliveryPage['data'][number];

const columns: Columns<Listed> = [
  ['ID', (d) => d.id],
  ['STATUS', (d) => d.status],
  ['EVENT TYPE', (d) => d.eventType],
  ['SUBSCRIPTION', (d) => d.subscriptionId],
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

export function deliveriesCommand(): Command {
  const cmd = new Command('deliveries').description('what was sent to subscriptions, attempt by attempt');

  withDeliveryFilters(
    cmd
      .command('list')
      .description("the tenant's deliveries, newest first (--subscription for one subscription's)")
      .option('--limit <n>', '1..250', integer)
      .option('--cursor <cursor>', 'the next page, from a previous list'),
  ).action(async (o: Parameters<typeof deliveryFilters>[0] & { limit?: number; cursor?: string }, c: Command) => {
    const { limit, cursor, ...filters } = o;
    const page = { ...(limit !== undefined ? { limit } : {}), ...(cursor !== undefined ? { cursor } : {}) };
    const found = await clientFor(c).deliveries.search({ ...deliveryFilters(filters), ...page });
    show(outputFor(c), found, (p) => table(p.data, columns) + nextPage(p.nextCursor));
  });

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
