import { Command, Option } from 'commander';
import type { CreateSubscription, Subscription, UpdateSubscription } from '../../clients/typescript/src/index.js';
import { UsageError } from '../exit-codes.js';
import { clientFor, outputFor } from '../globals.js';
import { commaList, integer, keyValue, parseJsonObject } from '../input.js';
import { nextPage, record, show, table, type Columns } from '../output.js';
import { addLineCommands } from './lines.command.js';

const columns: Columns<Subscription> = [
  ['ID', (s) => s.id],
  ['NAME', (s) => s.name],
  ['STATUS', (s) => s.status],
  ['EVENTS', (s) => s.events],
  ['URL', (s) => s.url],
  ['CREATED', (s) => s.createdAt],
];

interface FieldOptions {
  url?: string;
  events?: string[];
  name?: string;
  filter?: string;
  header?: Record<string, string>;
  payloadFormat?: 'envelope' | 'raw' | 'form';
  timeoutMs?: number;
  retrySchedule?: string[];
  ordering?: 'fifo' | 'none';
  orderingKey?: string;
  fifoOnFailure?: 'skip' | 'block';
}

/** The fields create and update share, as the API spells them. */
function fields(o: FieldOptions): UpdateSubscription {
  const body: UpdateSubscription = {};
  if (o.url !== undefined) body.url = o.url;
  if (o.events !== undefined) body.events = o.events;
  if (o.name !== undefined) body.name = o.name;
  if (o.filter !== undefined) body.filter = o.filter === 'null' ? null : parseJsonObject(o.filter, '--filter');
  if (o.header !== undefined) body.headers = o.header;
  if (o.payloadFormat !== undefined) body.payloadFormat = o.payloadFormat;
  if (o.timeoutMs !== undefined) body.timeoutMs = o.timeoutMs;
  if (o.retrySchedule !== undefined) body.retrySchedule = o.retrySchedule.map((s) => integer(s));
  if (o.ordering !== undefined) body.ordering = o.ordering;
  if (o.orderingKey !== undefined) body.orderingKey = o.orderingKey === 'null' ? null : o.orderingKey;
  if (o.fifoOnFailure !== undefined) body.fifoOnFailure = o.fifoOnFailure;
  return body;
}

const withFieldOptions = (cmd: Command) =>
  cmd
    .option('--name <name>', 'a name for people (default: the URL host)')
    .option('--filter <json>', 'match on the event data, e.g. \'{"job.zone":"East"}\' (update: null removes it)')
    .option('--header <name=value>', 'an extra request header (repeatable)', keyValue)
    .addOption(new Option('--payload-format <format>', 'body sent to the endpoint').choices(['envelope', 'raw', 'form']))
    .option('--timeout-ms <ms>', 'per attempt, 1000..60000', integer)
    .option('--retry-schedule <seconds>', 'seconds between attempts, comma-separated, e.g. 5,300,1800', commaList)
    .addOption(
      new Option('--ordering <ordering>', 'fifo: each delivery only after the previous one of its line ended').choices(['fifo', 'none']),
    )
    .option(
      '--ordering-key <pointer>',
      'with fifo: the JSON pointer into the event data that names a line, e.g. /jobId (update: null removes it)',
    )
    .addOption(
      new Option(
        '--fifo-on-failure <what>',
        'with fifo: after a head exhausts its retries, its line goes on (skip) or waits for a person (block)',
      ).choices(['skip', 'block']),
    );

export function subscriptionsCommand(): Command {
  const cmd = new Command('subscriptions').alias('subs').description('endpoints that receive events');

  withFieldOptions(
    cmd
      .command('create')
      .description('create a subscription; its signing secret is shown once')
      .requiredOption('--url <url>', 'the endpoint to POST to')
      .requiredOption('--events <types>', 'event types or patterns, comma-separated: job.created,job.*,*', commaList),
  )
    .option('--no-ping', 'do not send a webhook.ping to the new endpoint')
    .action(async (o: FieldOptions & { ping: boolean }, c: Command) => {
      const body = { ...fields(o), ping: o.ping } as CreateSubscription;
      const created = await clientFor(c).subscriptions.create(body);
      show(
        outputFor(c),
        created,
        (s) => `${record(s, ['secret'])}\n\nsigning secret  ${s.secret}\n(shown only now: keep it where your receiver reads it)`,
      );
    });

  cmd
    .command('list')
    .description('list subscriptions, newest first')
    .addOption(new Option('--status <status>').choices(['active', 'paused', 'disabled']))
    .option('--event <type>', 'only those that receive this event type')
    .option('--limit <n>', '1..250', integer)
    .option('--cursor <cursor>', 'the next page, from a previous list')
    .action(async (o: { status?: 'active' | 'paused' | 'disabled'; event?: string; limit?: number; cursor?: string }, c: Command) => {
      const page = await clientFor(c).subscriptions.list(o);
      show(outputFor(c), page, (p) => table(p.data, columns) + nextPage(p.nextCursor));
    });

  cmd
    .command('show <id>')
    .description('one subscription')
    .action(async (id: string, _o: unknown, c: Command) => show(outputFor(c), await clientFor(c).subscriptions.get(id), (s) => record(s)));

  withFieldOptions(
    cmd
      .command('update <id>')
      .description('change fields of a subscription')
      .option('--url <url>')
      .option('--events <types>', 'comma-separated', commaList),
  ).action(async (id: string, o: FieldOptions, c: Command) => {
    const body = fields(o);
    if (Object.keys(body).length === 0) throw new UsageError('nothing to update: give at least one option (see --help)');
    show(outputFor(c), await clientFor(c).subscriptions.update(id, body), (s) => record(s));
  });

  cmd
    .command('pause <id>')
    .description('hold every delivery to it until resumed (nothing is dropped)')
    .action(async (id: string, _o: unknown, c: Command) =>
      show(outputFor(c), await clientFor(c).subscriptions.pause(id), (s) => `${s.id} ${s.status}`),
    );

  cmd
    .command('resume <id>')
    .description('send what it held, oldest first (also re-enables a disabled one)')
    .action(async (id: string, _o: unknown, c: Command) =>
      show(
        outputFor(c),
        await clientFor(c).subscriptions.resume(id),
        (s) => `${s.id} ${s.status} (released ${s.released} held deliveries)`,
      ),
    );

  cmd
    .command('test <id>')
    .description('one real attempt now, even while paused, and what the endpoint answered')
    .option('--type <type>', 'event type (default webhook.test)')
    .option('--data <json>', 'event data')
    .action(async (id: string, o: { type?: string; data?: string }, c: Command) => {
      const body = { ...(o.type ? { type: o.type } : {}), ...(o.data ? { data: parseJsonObject(o.data, '--data') } : {}) };
      const result = await clientFor(c).subscriptions.test(id, body);
      show(outputFor(c), result, (r) => record({ delivery: r.delivery.id, ...r.attempt }));
    });

  cmd
    .command('rotate-secret <id>')
    .description('a new signing secret, shown once')
    .option('--grace-seconds <n>', 'keep signing with the old secret too for this long', integer)
    .action(async (id: string, o: { graceSeconds?: number }, c: Command) =>
      show(
        outputFor(c),
        await clientFor(c).subscriptions.rotateSecret(id, o.graceSeconds),
        (r) => `signing secret  ${r.secret}\n(shown only now)`,
      ),
    );

  cmd
    .command('recover <id>')
    .description('send again every delivery of a window that ended failed')
    .requiredOption('--since <time>', 'ISO 8601')
    .option('--until <time>', 'ISO 8601 (default now)')
    .action(async (id: string, o: { since: string; until?: string }, c: Command) =>
      show(
        outputFor(c),
        await clientFor(c).subscriptions.recover(id, { since: o.since, ...(o.until !== undefined ? { until: o.until } : {}) }),
        (r) => `redelivering ${r.redelivered} failed deliveries`,
      ),
    );

  cmd
    .command('delete <id>')
    .description('delete it; its unfinished deliveries end cancelled')
    .action(async (id: string, _o: unknown, c: Command) => {
      await clientFor(c).subscriptions.delete(id);
      show(outputFor(c), { id, deleted: true }, () => `deleted ${id}`);
    });

  addLineCommands(cmd);
  return cmd;
}
