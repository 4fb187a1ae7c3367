import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli-process.js';
import { createEventType, eventually } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('CLI: the built hookrelay command as a child process against the real service', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let cli: CliEnv;
  const json = async (args: string[], options = cli) => {
    const result = await runCli([...args, '--json'], options);
    assert.equal(result.code, 0, `hookrelay ${args.join(' ')}: exit ${result.code}\n${result.stdout}\n${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  before(async () => {
    svc = await startService('cli');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.created');
    // Requests to a path under /fail fail; everything else succeeds.
    receiver.respond((req) => (req.path.startsWith('/fail') ? { status: 500, body: 'down' } : { status: 200, body: 'ok' }));
    // An empty working directory: no .data/ key to fall back on unless a test puts one there.
    cli = {
      env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl, HOOKRELAY_API_KEY: svc.apiKey }),
      cwd: mkdtempSync(join(tmpdir(), 'hookrelay-cli-')),
    };
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('subscriptions create, list, show, update, pause, resume, test, rotate-secret, delete', async () => {
    const created = await json([
      'subscriptions',
      'create',
      '--url',
      `${receiver.url}/hooks`,
      '--events',
      'job.*',
      '--name',
      'cli-sub',
      '--no-ping',
    ]);
    assert.match(created.id, /^sub_/);
    assert.match(created.secret, /^whsec_/);

    const list = await runCli(['subscriptions', 'list'], cli);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^ID\s+NAME\s+STATUS\s+EVENTS\s+URL/);
    assert.match(list.stdout, new RegExp(`${created.id}\\s+cli-sub\\s+active\\s+job\\.\\*`));

    assert.equal((await json(['subscriptions', 'show', created.id])).url, `${receiver.url}/hooks`);
    assert.equal((await json(['subscriptions', 'update', created.id, '--name', 'renamed'])).name, 'renamed');
    assert.equal((await json(['subscriptions', 'pause', created.id])).status, 'paused');
    assert.equal((await json(['subscriptions', 'resume', created.id])).status, 'active');
    assert.equal((await json(['subscriptions', 'test', created.id])).attempt.statusCode, 200);
    assert.match((await json(['subscriptions', 'rotate-secret', created.id])).secret, /^whsec_/);

    const removed = await runCli(['subscriptions', 'delete', created.id], cli);
    assert.equal(removed.code, 0);
    assert.match(removed.stdout, new RegExp(`deleted ${created.id}`));
    const gone = await runCli(['subscriptions', 'show', created.id], cli);
    assert.equal(gone.code, 1, 'a 404 exits 1');
  });

  it('events send (--data and --file), events list, deliveries list --json, deliveries show', async () => {
    const sub = await json(['subscriptions', 'create', '--url', `${receiver.url}/events`, '--events', 'job.created', '--no-ping']);
    const sent = await json(['events', 'send', '--type', 'job.created', '--data', '{"jobId":"j_cli"}']);
    assert.match(sent.id, /^evt_/);
    assert.deepEqual(
      sent.deliveries.map((d: { subscriptionId: string }) => d.subscriptionId),
      [sub.id],
    );

    const file = join(cli.cwd, 'event.json');
    writeFileSync(file, '{"jobId":"j_file"}');
    const fromFile = await runCli(['events', 'send', '--type', 'job.created', '--file', file], cli);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /^evt_\S+ job\.created/);

    const events = await json(['events', 'list', '--type', 'job.created']);
    assert.ok(events.data.some((e: { id: string }) => e.id === sent.id));

    const deliveryId = sent.deliveries[0].id;
    await eventually(async () => {
      const page = await json(['deliveries', 'list', '--subscription', sub.id]);
      return page.data.find((d: { id: string; status: string }) => d.id === deliveryId && d.status === 'succeeded');
    });
    const shown = await runCli(['deliveries', 'show', deliveryId], cli);
    assert.equal(shown.code, 0);
    assert.match(shown.stdout, /status\s+succeeded/);
    assert.match(shown.stdout, /^#\s+STARTED\s+CODE/m);
    assert.match(shown.stdout, /^1\s+\S+\s+200/m);
  });

  it('event-types create, list, show, update, export, archive', async () => {
    assert.equal((await json(['event-types', 'create', 'cli.made', '--description', 'from the CLI'])).name, 'cli.made');
    const list = await runCli(['event-types', 'list'], cli);
    assert.match(list.stdout, /^cli\.made\s+from the CLI\s+no\s+no$/m);
    assert.equal((await json(['event-types', 'show', 'cli.made'])).description, 'from the CLI');
    const updated = await json([
      'event-types',
      'update',
      'cli.made',
      '--description',
      'changed',
      '--schema',
      '{"type":"object","required":["n"]}',
    ]);
    assert.equal(updated.description, 'changed');
    assert.deepEqual(updated.schema, { type: 'object', required: ['n'] });
    assert.equal((await runCli(['event-types', 'update', 'cli.made'], cli)).code, 2, 'nothing to update');

    const exported = await runCli(['event-types', 'export'], cli);
    assert.equal(exported.code, 0, exported.stderr);
    const doc = JSON.parse(exported.stdout);
    assert.equal(doc.asyncapi, '3.0.0');
    assert.equal(doc.components.messages['cli.made'].summary, 'changed');
    assert.deepEqual(doc.components.schemas['cli.made.data'], { type: 'object', required: ['n'] });
    assert.ok(doc.components.messages['job.created']);

    assert.equal((await runCli(['event-types', 'archive', 'cli.made'], cli)).code, 0);
    assert.equal(
      JSON.parse((await runCli(['event-types', 'export'], cli)).stdout).components.messages['cli.made'],
      undefined,
      'archived: left out',
    );
    assert.equal((await json(['event-types', 'show', 'cli.made'])).archived, true);
  });

  it('deliveries list across the tenant with every filter, subscriptions recover, replays create (dry run, progress) and get', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const ok = await json(['subscriptions', 'create', '--url', `${receiver.url}/wide-ok`, '--events', 'job.created', '--no-ping']);
    const bad = await json(['subscriptions', 'create', '--url', `${receiver.url}/fail/wide`, '--events', 'job.created', '--no-ping']);
    await json(['subscriptions', 'update', bad.id, '--retry-schedule', '0']);
    const sent = await json(['events', 'send', '--type', 'job.created', '--data', '{"jobId":"j_wide"}']);
    const deliveryTo = (subId: string) => sent.deliveries.find((d: { subscriptionId: string }) => d.subscriptionId === subId).id;
    const [okDelivery, badDelivery] = [deliveryTo(ok.id), deliveryTo(bad.id)];
    const ids = (page: { data: { id: string }[] }) => page.data.map((d) => d.id);

    // `eventually` waits for anything but undefined.
    await eventually(async () => ids(await json(['deliveries', 'list', '--status', 'failed'])).includes(badDelivery) || undefined);
    const all = ids(await json(['deliveries', 'list', '--since', since]));
    assert.ok(all.includes(okDelivery) && all.includes(badDelivery), 'no --subscription: the whole tenant');
    const failed = ids(await json(['deliveries', 'list', '--status', 'failed', '--since', since]));
    assert.ok(failed.includes(badDelivery) && !failed.includes(okDelivery));
    assert.deepEqual(ids(await json(['deliveries', 'list', '--status-code', '500', '--since', since, '--event-type', 'job.created'])), [
      badDelivery,
    ]);
    assert.deepEqual(
      ids(
        await json([
          'deliveries',
          'list',
          '--subscription',
          ok.id,
          '--kind',
          'event',
          '--until',
          new Date(Date.now() + 60_000).toISOString(),
        ]),
      ),
      [okDelivery],
    );
    assert.deepEqual(ids(await json(['deliveries', 'list', '--subscription', bad.id, '--limit', '1'])), [badDelivery]);
    const human = await runCli(['deliveries', 'list', '--since', since], cli);
    assert.match(human.stdout, /^ID\s+STATUS\s+EVENT TYPE\s+SUBSCRIPTION/);
    assert.match(human.stdout, new RegExp(`${badDelivery}\\s+failed\\s+job\\.created\\s+${bad.id}`));
    assert.equal((await runCli(['deliveries', 'list', '--status', 'nope'], cli)).code, 2, 'a status not in the list is a usage error');

    const recovered = await json(['subscriptions', 'recover', bad.id, '--since', since]);
    assert.equal(recovered.redelivered, 1);
    await eventually(
      async () => (await json(['deliveries', 'list', '--subscription', bad.id, '--kind', 'redelivery'])).data.length === 1 || undefined,
    );

    const dry = await json(['replays', 'create', '--subscription', ok.id, '--since', since, '--dry-run']);
    assert.equal(dry.dryRun, true);
    assert.equal(dry.count, 1);
    assert.deepEqual(
      dry.sample.map((d: { id: string }) => d.id),
      [okDelivery],
    );
    const dryHuman = await runCli(['replays', 'create', '--subscription', ok.id, '--since', since, '--dry-run'], cli);
    assert.match(dryHuman.stdout, /^count\s+1$/m);

    const replay = await runCli(['replays', 'create', '--subscription', ok.id, '--since', since, '--json'], cli);
    assert.equal(replay.code, 0, replay.stderr);
    const done = JSON.parse(replay.stdout);
    assert.equal(done.status, 'completed', 'followed until done');
    assert.equal(done.sent, 1);
    assert.match(replay.stderr, new RegExp(`^replay ${done.id} completed: 1 sent, 0 skipped of 1$`, 'm'), 'the progress line');
    assert.equal((await json(['replays', 'get', done.id])).sent, 1);
    const shown = await runCli(['replays', 'get', done.id], cli);
    assert.match(shown.stdout, /^status\s+completed$/m);
    assert.equal((await runCli(['replays', 'create'], cli)).code, 1, 'a replay with no filter is refused by the service');

    const listed = await json(['replays', 'list', '--status', 'completed', '--limit', '1']);
    assert.deepEqual(
      listed.data.map((r: { id: string }) => r.id),
      [done.id],
      'the newest first',
    );
    const table = await runCli(['replays', 'list'], cli);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^ID\s+STATUS\s+SENT\s+SKIPPED\s+TOTAL\s+FILTERS\s+CREATED/);
    assert.match(table.stdout, new RegExp(`^${done.id}\\s+completed\\s+1\\s+0\\s+1\\s`, 'm'));
    assert.equal((await runCli(['replays', 'list', '--status', 'lost'], cli)).code, 2, 'a status not in the list is a usage error');
    const late = await runCli(['replays', 'cancel', done.id], cli);
    assert.equal(late.code, 1, 'a replay that ended: 409');
    assert.match(late.stderr, /already ended completed/);
  });

  it('keys create, list, revoke; portal-links create', async () => {
    const made = await json(['keys', 'create', '--scopes', 'read', '--expires-at', new Date(Date.now() + 3600_000).toISOString()]);
    assert.ok(made.apiKey.length >= 20, 'the key, shown once');
    assert.deepEqual(made.scopes, ['read']);
    const asReader = { env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl, HOOKRELAY_API_KEY: made.apiKey }), cwd: cli.cwd };
    assert.equal((await runCli(['event-types', 'list', '--json'], asReader)).code, 0, 'the new key works');
    const human = await runCli(['keys', 'list'], cli);
    assert.match(human.stdout, new RegExp(`^${made.id}\\s+read\\s+\\S+\\s+-`, 'm'));
    const revoked = await runCli(['keys', 'revoke', made.id], cli);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`revoked ${made.id}`));
    assert.ok((await json(['keys', 'list'])).data.find((k: { id: string }) => k.id === made.id).revokedAt);
    const refused = await runCli(['event-types', 'list'], asReader);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error: 401/);
    assert.equal((await runCli(['keys', 'create', '--scopes', 'everything'], cli)).code, 1, 'an unknown scope: 422 from the service');

    const link = await json(['portal-links', 'create', '--read-only', '--ttl-seconds', '600']);
    assert.match(link.url, /^http/);
    assert.ok(Date.parse(link.expiresAt) > Date.now());
    const humanLink = await runCli(['portal-links', 'create'], cli);
    assert.match(humanLink.stdout, /^http\S+\n\(expires /);
  });

  it('exit 1 on a 422, naming the fields (problem+json with --json)', async () => {
    const human = await runCli(['events', 'send', '--type', 'no.such.type', '--data', '{}'], cli);
    assert.equal(human.code, 1);
    assert.match(human.stderr, /error: 422/);
    assert.match(human.stderr, /^\s+type: /m);

    const asJson = await runCli(['subscriptions', 'create', '--url', 'nope', '--events', 'job.created', '--json'], cli);
    assert.equal(asJson.code, 1);
    const problem = JSON.parse(asJson.stdout);
    assert.equal(problem.status, 422);
    assert.ok(problem.errors.some((e: { field: string }) => e.field === 'url'));
  });

  it('exit 2 on usage errors: unknown command, invalid JSON, no data, no API key', async () => {
    assert.equal((await runCli(['nonsense'], cli)).code, 2);
    const badJson = await runCli(['events', 'send', '--type', 'job.created', '--data', '{oops'], cli);
    assert.equal(badJson.code, 2);
    assert.match(badJson.stderr, /--data is not valid JSON/);
    assert.equal((await runCli(['events', 'send', '--type', 'job.created'], cli)).code, 2);
    const noKey = await runCli(['subscriptions', 'list'], { env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl }), cwd: cli.cwd });
    assert.equal(noKey.code, 2);
    assert.match(noKey.stderr, /no API key/);
  });

  it('exit 3 when the service cannot be reached', async () => {
    const down = await runCli(['subscriptions', 'list', '--api-url', `http://127.0.0.1:${await freePort()}`], cli);
    assert.equal(down.code, 3);
    assert.match(down.stderr, /cannot reach .*ECONNREFUSED/);
  });

  it('beside `npm start`: finds the key in .data/bootstrap-api-key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookrelay-cli-data-'));
    mkdirSync(join(dir, '.data'));
    writeFileSync(join(dir, '.data', 'bootstrap-api-key'), svc.apiKey + '\n');
    const result = await runCli(['subscriptions', 'list', '--json'], { env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl }), cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Array.isArray(JSON.parse(result.stdout).data));
  });
});
