import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli-process.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('CLI: subscriptions lines and skip against the real service', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let cli: CliEnv;

  before(async () => {
    svc = await startService('cli_lines', { CIRCUIT_FAILURE_THRESHOLD: '0' });
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.step');
    // The first step of each job fails; the rest succeed.
    receiver.respond((req) => ({ status: (JSON.parse(req.body) as { data: { seq: number } }).data.seq === 0 ? 500 : 200 }));
    cli = {
      env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl, HOOKRELAY_API_KEY: svc.apiKey }),
      cwd: mkdtempSync(join(tmpdir(), 'hookrelay-cli-lines-')),
    };
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('lists a blocked line (--stuck, --json), skips its head by --ordering-key, and the rest goes', async () => {
    const sub = await createSubscription(svc, {
      url: receiver.url,
      events: ['job.step'],
      ordering: 'fifo',
      orderingKey: '/job',
      fifoOnFailure: 'block',
      retrySchedule: [],
    });
    const head = (await sendEvent(svc, 'job.step', { job: 'j 1', seq: 0 })).deliveries[0].id;
    const next = (await sendEvent(svc, 'job.step', { job: 'j 1', seq: 1 })).deliveries[0].id;
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${head}`)).body.status === 'failed' ? true : undefined), 60_000);

    const listed = await runCli(['subscriptions', 'lines', sub.id, '--stuck'], cli);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^ORDERING KEY\s+HEAD\s+STATUS\s+ATTEMPTS\s+WAITING/);
    assert.match(listed.stdout, new RegExp(`"j 1"\\s+${head}\\s+failed \\(blocked\\)\\s+1\\s+1`));

    const asJson = await runCli(['subscriptions', 'lines', sub.id, '--json'], cli);
    assert.equal(asJson.code, 0, asJson.stderr);
    assert.deepEqual(JSON.parse(asJson.stdout), {
      data: [{ orderingKey: 'j 1', head: { id: head, status: 'failed', attemptCount: 1 }, blocked: true, waiting: 1 }],
      nextCursor: null,
    });

    const skipped = await runCli(['subscriptions', 'skip', sub.id, '--ordering-key', 'j 1'], cli);
    assert.equal(skipped.code, 0, skipped.stderr);
    assert.equal(skipped.stdout.trim(), `skipped ${head}; next: ${next}`);
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${next}`)).body.status === 'succeeded' ? true : undefined), 60_000);

    const none = await runCli(['subscriptions', 'skip', sub.id, '--ordering-key', 'j 1'], cli);
    assert.equal(none.code, 1, 'no such line (404) exits 1');
    assert.match(none.stderr, /no line "j 1"/);
    const missing = await runCli(['subscriptions', 'skip', sub.id], cli);
    assert.equal(missing.code, 2, 'without --ordering-key: a usage error');
  });
});
