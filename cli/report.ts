import { CommanderError } from 'commander';
import { HookrelayConnectionError, HookrelayError } from '../clients/typescript/src/index.js';
import { UsageError } from './exit-codes.js';

/** Tells what went wrong: the problem (as JSON with --json), a usage mistake, or an unreachable service. */
export function reportError(err: unknown, json: boolean): void {
  if (err instanceof CommanderError) return; // commander has printed it already
  if (err instanceof HookrelayError) {
    if (json) {
      console.log(JSON.stringify(err.problem, null, 2));
      return;
    }
    console.error(`error: ${err.message}`);
    for (const e of err.errors) console.error(`  ${e.field}: ${e.message}`);
    return;
  }
  if (err instanceof HookrelayConnectionError) {
    console.error(`error: ${err.message}\n  is the service running (\`npm start\`)? Point at it with --api-url or HOOKRELAY_API_URL.`);
    return;
  }
  if (err instanceof UsageError) {
    console.error(`error: ${err.message}`);
    return;
  }
  console.error(err);
}
