// `npm test`: starts one Temporal dev server for the whole run (on free ports, in memory), then runs every
// test file with Node's test runner, one file at a time (2 cores), and stops the server.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestTemporal } from './helpers/temporal-server.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const order = ['unit', 'workflows', 'e2e', 'console'];
const files = testFiles(here)
  // Matched against the path under test/, so a checkout whose own path holds the word does not select everything.
  .filter((f) => filters.length === 0 || filters.some((p) => relative(here, f).includes(p)))
  .sort((a, b) => order.indexOf(relative(here, a).split('/')[0]) - order.indexOf(relative(here, b).split('/')[0]) || a.localeCompare(b));

const started = Date.now();
console.log(`[test] starting a Temporal dev server for this run...`);
const server = await startTestTemporal();
console.log(
  `[test] Node ${process.version}; Temporal dev server on ${server.address} (${Date.now() - started} ms); ${files.length} test files`,
);

const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    TEST_TEMPORAL_ADDRESS: server.address,
    TEST_TEMPORAL_TEST_SERVER: resolve('.tools/bin/temporal-test-server'),
  },
});
// Stopped from outside (CI's timeout, Ctrl-C): the test runner and the server go too, not left running.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => child.kill(signal));
const code: number = await new Promise((done) => child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))));
await server.stop();
console.log(`[test] finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
