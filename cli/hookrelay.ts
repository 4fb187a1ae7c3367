#!/usr/bin/env node
// The `hookrelay` command (package.json `bin`); see `hookrelay --help`.
import { exitCodeFor } from './exit-codes.js';
import { buildProgram } from './program.js';
import { reportError } from './report.js';

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportError(err, Boolean(program.opts()['json']));
  process.exitCode = exitCodeFor(err);
}
