// `npm run test:fuzz`: Schemathesis (a fuzzer nobody here wrote) against /openapi.json of a running api.
// Bounded: a fixed number of examples per operation and a time budget. Passes only with zero 5xx and every
// answer matching the documented status codes, content types and schemas.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startService } from '../helpers/service.js';
import { startTestTemporal } from '../helpers/temporal-server.js';

const MAX_EXAMPLES = process.env['FUZZ_MAX_EXAMPLES'] ?? '25';
const MAX_TIME = process.env['FUZZ_MAX_SECONDS'] ?? '120';

const temporal = await startTestTemporal();
process.env['TEST_TEMPORAL_ADDRESS'] = temporal.address;
// The api role only: with no worker, nothing the fuzzer subscribes to is ever called.
const svc = await startService(
  'fuzz',
  { RATE_LIMIT_PER_MINUTE: '1000000', AUTH_FAILURES_PER_MINUTE: '1000000', ALLOWED_PRIVATE_CIDRS: '', LOG_LEVEL: 'error' },
  'api',
);
let code: number;
try {
  await svc.api('POST', '/v1/event-types', { name: 'order.created' });
  const reportDir = mkdtempSync(join(tmpdir(), 'hookrelay-fuzz-'));
  const checks = [
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'response_headers_conformance',
    'response_schema_conformance',
    'negative_data_rejection',
    'ignored_auth',
  ].join(',');
  console.log(`[fuzz] schemathesis against ${svc.baseUrl}/openapi.json, ${MAX_EXAMPLES} examples per operation, checks ${checks}`);
  const junitPath = join(reportDir, 'junit.xml');
  // Asynchronous on purpose: the api answering the fuzzer runs in this very process.
  const st = spawn(
    resolve('.tools/bin/st'),
    [
      'run',
      `${svc.baseUrl}/openapi.json`,
      '--header',
      `Authorization: Bearer ${svc.apiKey}`,
      '--checks',
      checks,
      '--max-examples',
      MAX_EXAMPLES,
      '--max-time',
      MAX_TIME,
      '--phases',
      'examples,coverage,fuzzing',
      // One worker: Hypothesis's lambda-source cache is not thread-safe (an internal error seen with two).
      '--workers',
      '1',
      // A test send waits for a worker, which this run has none of by design.
      '--exclude-path-regex',
      '/test$',
      '--seed',
      '4242',
      '--report',
      'junit',
      '--report-junit-path',
      junitPath,
    ],
    { stdio: 'inherit' },
  );
  code = await new Promise<number>((done) => st.on('exit', (c) => done(c ?? 1)));
  const junit = readFileSync(junitPath, 'utf8');
  const operations = /tests="(\d+)"/.exec(junit)?.[1];
  const failures = /failures="(\d+)"/.exec(junit)?.[1];
  console.log(`[fuzz] operations tested: ${operations}, failing: ${failures}, schemathesis exit ${code}`);
} finally {
  await svc.close();
  await temporal.stop();
}
process.exit(code);
