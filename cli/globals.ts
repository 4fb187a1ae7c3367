import type { Command } from 'commander';
import type { HookrelayClient } from '../clients/typescript/src/index.js';
import { connect } from './connection.js';
import type { Output } from './output.js';

/** Options every command takes (declared on the program). */
export interface GlobalOptions {
  apiUrl?: string;
  apiKey?: string;
  json?: boolean;
}

export const clientFor = (cmd: Command): HookrelayClient => connect(cmd.optsWithGlobals<GlobalOptions>());
export const outputFor = (cmd: Command): Output => ({ json: Boolean(cmd.optsWithGlobals<GlobalOptions>().json) });
