import { Command } from 'commander';
import type { EventType } from '../../clients/typescript/src/index.js';
import { UsageError } from '../exit-codes.js';
import { clientFor, outputFor } from '../globals.js';
import { parseJsonObject, readInput } from '../input.js';
import { record, show, table, type Columns } from '../output.js';

const columns: Columns<EventType> = [
  ['NAME', (t) => t.name],
  ['DESCRIPTION', (t) => t.description],
  ['SCHEMA', (t) => (t.schema ? 'yes' : 'no')],
  ['ARCHIVED', (t) => (t.archived ? 'yes' : 'no')],
];

function schemaTextOf(o: { schema?: string; schemaFile?: string }): string | undefined {
  if (o.schema !== undefined && o.schemaFile !== undefined) throw new UsageError('give --schema or --schema-file, not both');
  return o.schema ?? (o.schemaFile !== undefined ? readInput(o.schemaFile) : undefined);
}

export function eventTypesCommand(): Command {
  const cmd = new Command('event-types').description('the catalog of event types');

  cmd
    .command('list')
    .description('every event type, built-in ones included')
    .action(async (_o: unknown, c: Command) => show(outputFor(c), await clientFor(c).eventTypes.list(), (p) => table(p.data, columns)));

  cmd
    .command('create <name>')
    .description('add a type, e.g. job.created')
    .option('--description <text>')
    .option('--schema <json>', 'a JSON Schema every event of this type must satisfy')
    .option('--schema-file <path>', 'the schema from a file')
    .action(async (name: string, o: { description?: string; schema?: string; schemaFile?: string }, c: Command) => {
      const schemaText = schemaTextOf(o);
      const body = {
        name,
        ...(o.description !== undefined ? { description: o.description } : {}),
        ...(schemaText !== undefined ? { schema: parseJsonObject(schemaText, '--schema') } : {}),
      };
      show(outputFor(c), await clientFor(c).eventTypes.create(body), (t) => record(t));
    });

  cmd
    .command('show <name>')
    .description('one event type with its schema')
    .action(async (name: string, _o: unknown, c: Command) => show(outputFor(c), await clientFor(c).eventTypes.get(name), (t) => record(t)));

  cmd
    .command('update <name>')
    .description("change a type's description or schema")
    .option('--description <text>', "'null' removes it")
    .option('--schema <json>', "a JSON Schema every new event of this type must satisfy ('null' removes it)")
    .option('--schema-file <path>', 'the schema from a file')
    .action(async (name: string, o: { description?: string; schema?: string; schemaFile?: string }, c: Command) => {
      const schemaText = schemaTextOf(o);
      const body = {
        ...(o.description !== undefined ? { description: o.description === 'null' ? null : o.description } : {}),
        ...(schemaText !== undefined ? { schema: schemaText.trim() === 'null' ? null : parseJsonObject(schemaText, '--schema') } : {}),
      };
      if (Object.keys(body).length === 0) throw new UsageError('nothing to update: give --description, --schema or --schema-file');
      show(outputFor(c), await clientFor(c).eventTypes.update(name, body), (t) => record(t));
    });

  cmd
    .command('export')
    .description('the catalog as an AsyncAPI 3.0 document (JSON), to hand to the people who receive your webhooks')
    .action(async (_o: unknown, c: Command) => console.log(JSON.stringify(await clientFor(c).eventTypes.asyncApi(), null, 2)));

  cmd
    .command('archive <name>')
    .description('accept no new events of this type (history stays)')
    .action(async (name: string, _o: unknown, c: Command) => {
      await clientFor(c).eventTypes.archive(name);
      show(outputFor(c), { name, archived: true }, () => `archived ${name}`);
    });

  return cmd;
}
