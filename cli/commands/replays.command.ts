import { Command, Option } from 'commander';
import type { HookrelayClient, Replay } from '../../clients/typescript/src/index.js';
import { clientFor, outputFor } from '../globals.js';
import { integer } from '../input.js';
import { nextPage, record, show, table, type Columns } from '../output.js';

const STATUSES = ['scheduled', 'held', 'sending', 'retrying', 'succeeded', 'failed', 'cancelled'] as const;
const KINDS = ['event', 'ping', 'test', 'redelivery'] as const;
const POLL_MS = 500;
const REPLAY_STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;

const columns: Columns<Replay> = [
  ['ID', (r) => r.id],
  ['STATUS', (r) => r.status],
  ['SENT', (r) => r.sent],
  ['SKIPPED', (r) => r.skipped],
  ['TOTAL', (r) => r.total],
  ['FILTERS', (r) => r.filters],
  ['CREATED', (r) => r.createdAt],
];

interface FilterOptions {
  status?: (typeof STATUSES)[number];
  kind?: (typeof KINDS)[number];
  eventType?: string;
  subscription?: string;
  since?: string;
  until?: string;
  statusCode?: number;
}

/** The filters of GET /v1/deliveries, as options (shared with `deliveries list`). */
export const withDeliveryFilters = (cmd: Command) =>
  cmd
    .addOption(new Option('--status <status>').choices(STATUSES))
    .addOption(new Option('--kind <kind>', 'default for replays: event (the originals)').choices(KINDS))
    .option('--event-type <type>')
    .option('--subscription <id>', 'sub_...')
    .option('--since <time>', 'created at or after (ISO 8601)')
    .option('--until <time>', 'created before (ISO 8601)')
    .option('--status-code <code>', "the last attempt's HTTP status", integer);

export function deliveryFilters(o: FilterOptions) {
  const { subscription, ...rest } = o;
  const filters = { ...rest, ...(subscription !== undefined ? { subscriptionId: subscription } : {}) };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Omit<FilterOptions, 'subscription'> & {
    subscriptionId?: string;
  };
}

const progressOf = (r: Replay) => `replay ${r.id} ${r.status}: ${r.sent} sent, ${r.skipped} skipped of ${r.total}`;

/**
 * Polls the replay until it is no longer running, keeping one progress line on stderr (rewritten in place on a
 * terminal, a new line per change otherwise), so stdout holds only the final answer.
 */
async function follow(client: HookrelayClient, replay: Replay): Promise<Replay> {
  const tty = process.stderr.isTTY;
  let last = '';
  for (;;) {
    const line = progressOf(replay);
    if (line !== last) process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    last = line;
    if (replay.status !== 'running') break;
    await new Promise((r) => setTimeout(r, POLL_MS));
    replay = await client.replays.get(replay.id);
  }
  if (tty) process.stderr.write('\n');
  return replay;
}

export function replaysCommand(): Command {
  const cmd = new Command('replays').description('send again every delivery a filter names (once each)');

  withDeliveryFilters(
    cmd
      .command('create')
      .description('replay the deliveries the filters name; follows its progress until done')
      .option('--dry-run', 'only count them and show a sample; nothing is sent')
      .option('--no-wait', 'answer at once instead of following the progress'),
  ).action(async (o: FilterOptions & { dryRun?: boolean; wait: boolean }, c: Command) => {
    const client = clientFor(c);
    const { dryRun, wait, ...filters } = o;
    const body = { ...deliveryFilters(filters), ...(dryRun ? { dryRun: true } : {}) };
    const answer = await client.replays.create(body);
    if ('dryRun' in answer) {
      show(outputFor(c), answer, (d) => {
        const { sample, ...counts } = d;
        return `${record(counts)}\n\n${
          sample.length
            ? table(sample, [
                ['ID', (s) => s.id],
                ['STATUS', (s) => s.status],
                ['EVENT TYPE', (s) => s.eventType],
                ['SUBSCRIPTION', (s) => s.subscriptionId],
                ['CREATED', (s) => s.createdAt],
              ])
            : '(nothing to replay)'
        }`;
      });
      return;
    }
    const done = wait ? await follow(client, answer) : answer;
    show(outputFor(c), done, (r) => record(r));
  });

  cmd
    .command('list')
    .description("the tenant's replays, newest first")
    .addOption(new Option('--status <status>').choices(REPLAY_STATUSES))
    .option('--limit <n>', '1..250', integer)
    .option('--cursor <cursor>', 'the next page, from a previous list')
    .action(async (o: { status?: (typeof REPLAY_STATUSES)[number]; limit?: number; cursor?: string }, c: Command) => {
      const page = await clientFor(c).replays.list(o);
      show(outputFor(c), page, (p) => (p.data.length ? table(p.data, columns) : 'no replay') + nextPage(p.nextCursor));
    });

  cmd
    .command('get <id>')
    .description('a replay and its progress')
    .option('--wait', 'follow its progress until done')
    .action(async (id: string, o: { wait?: boolean }, c: Command) => {
      const client = clientFor(c);
      const replay = await client.replays.get(id);
      show(outputFor(c), o.wait ? await follow(client, replay) : replay, (r) => record(r));
    });

  cmd
    .command('cancel <id>')
    .description('stop a running replay: no more redeliveries are made (those made go on)')
    .action(async (id: string, _o: unknown, c: Command) => show(outputFor(c), await clientFor(c).replays.cancel(id), (r) => progressOf(r)));

  return cmd;
}
