import { Command, Option } from 'commander';
import { deliveriesCommand } from './commands/deliveries.command.js';
import { eventTypesCommand } from './commands/event-types.command.js';
import { eventsCommand } from './commands/events.command.js';
import { keysCommand } from './commands/keys.command.js';
import { listenCommand } from './commands/listen.command.js';
import { portalLinksCommand } from './commands/portal-links.command.js';
import { replaysCommand } from './commands/replays.command.js';
import { subscriptionsCommand } from './commands/subscriptions.command.js';
import { DEFAULT_API_URL } from './connection.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

const CONNECTION_HELP = `
Connection:
  URL  --api-url, else HOOKRELAY_API_URL, else ${DEFAULT_API_URL}
  key  --api-key, else HOOKRELAY_API_KEY, else .data/bootstrap-api-key (left there by \`npm start\`)`;

export function buildProgram(): Command {
  const program = new Command('hookrelay')
    .description('Manage hookrelay from the terminal, and relay its webhooks to a local app (`hookrelay listen`).')
    .version('0.1.0')
    .addOption(new Option('--api-url <url>', 'the service').env('HOOKRELAY_API_URL'))
    .addOption(new Option('--api-key <key>', 'an API key').env('HOOKRELAY_API_KEY'))
    .option('--json', "print the service's JSON instead of tables (errors too, as problem+json)")
    .addHelpText('after', CONNECTION_HELP + '\n' + EXIT_CODES_HELP)
    .showHelpAfterError('(add --help for usage)')
    // Usage errors are thrown, not exited on, so hookrelay.ts gives them exit code 2.
    .exitOverride();
  for (const cmd of [
    subscriptionsCommand(),
    eventsCommand(),
    deliveriesCommand(),
    replaysCommand(),
    eventTypesCommand(),
    keysCommand(),
    portalLinksCommand(),
    listenCommand(),
  ]) {
    program.addCommand(cmd);
  }
  applyToAll(program, (c) => c.exitOverride().showHelpAfterError('(add --help for usage)'));
  return program;
}

function applyToAll(cmd: Command, apply: (c: Command) => void): void {
  apply(cmd);
  for (const sub of cmd.commands) applyToAll(sub, apply);
}
