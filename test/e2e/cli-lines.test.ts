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

  it('subscriptions create and update set ordering, its key and fifoOnFailure; turning ordering off releases a blocked line', async () => {
    const json = async (args: string[]) => {
      const res = await runCli([...args, '--json'], cli);
      assert.equal(res.code, 0, res.stderr);
      return JSON.parse(res.stdout);
    };
    const fields = (s: Record<string, unknown>) => [s.ordering, s.orderingKey, s.fifoOnFailure];
    const sub = await json([
      'subscriptions',
      'create',
      '--url',
      receiver.url,
      '--events',
      'job.step',
      '--no-ping',
      '--ordering',
      'fifo',
      '--ordering-key',
      '/job',
      '--fifo-on-failure',
      'block',
      '--retry-schedule',
      '0',
    ]);
    assert.deepEqual(fields(sub), ['fifo', '/job', 'block']);
    const mine = async (seq: number) =>
      (await sendEvent(svc, 'job.step', { job: 'j2', seq })).deliveries.find((d) => d.subscriptionId === sub.id)!.id;
    const head = await mine(0);
    const next = await mine(1);
    await eventually(
      async () => ((await svc.api('GET', `/v1/deliveries/${next}`)).body.waitingFor === 'blocked-line' ? true : undefined),
      60_000,
    );

    const updated = await json([
      'subscriptions',
      'update',
      sub.id,
      '--ordering',
      'none',
      '--ordering-key',
      'null',
      '--fifo-on-failure',
      'skip',
    ]);
    assert.deepEqual(fields(updated), ['none', null, 'skip']);
    await eventually(async () => ((await svc.api('GET', `/v1/deliveries/${next}`)).body.status === 'succeeded' ? true : undefined), 60_000);
    assert.equal((await svc.api('GET', `/v1/deliveries/${head}`)).body.status, 'failed', 'the head keeps its end');

    const wrong = await runCli(['subscriptions', 'update', sub.id, '--fifo-on-failure', 'wait'], cli);
    assert.equal(wrong.code, 2, 'a value not in the list is a usage error');
    const refused = await runCli(['subscriptions', 'update', sub.id, '--fifo-on-failure', 'block'], cli);
    assert.equal(refused.code, 1, 'block without fifo: the service answers 422');
    assert.match(refused.stderr, /fifoOnFailure/);
  });
});
