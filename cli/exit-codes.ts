import { CommanderError } from 'commander';
import { HookrelayConnectionError, HookrelayError } from '../clients/typescript/src/index.js';

/** What `hookrelay` exits with; `hookrelay --help` and the README list them. */
export const ExitCode = {
  ok: 0,
  /** The service refused the request (4xx): fix the request. */
  apiError: 1,
  /** The command line is wrong (unknown command or option, bad JSON, no API key): nothing was sent. */
  usage: 2,
  /** The service could not be reached or failed (5xx): try again later. */
  unavailable: 3,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  the service refused the request (4xx; the problem is printed)
  2  usage error (unknown command or option, invalid JSON, no API key): nothing was sent
  3  the service cannot be reached, or failed (5xx)`;

/** A mistake on the command line, found before anything was sent. */
export class UsageError extends Error {}

export function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (err instanceof UsageError) return ExitCode.usage;
  if (err instanceof HookrelayConnectionError) return ExitCode.unavailable;
  if (err instanceof HookrelayError) return err.status >= 500 ? ExitCode.unavailable : ExitCode.apiError;
  return ExitCode.apiError;
}
