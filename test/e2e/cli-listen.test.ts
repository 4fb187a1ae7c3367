import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { CliProcess, cliEnv, type CliEnv } from '../helpers/cli-process.js';
import { createEventType, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

describe('CLI listen: relays real deliveries to a local app (service, CLI and app in separate places, all real)', () => {
  let svc: TestService;
  let app: TestReceiver;
  let cli: CliEnv;

  before(async () => {
    svc = await startService('cli-listen');
    app = await TestReceiver.start();
    app.respond(() => ({ status: 202, body: 'accepted by the app' }));
    await createEventType(svc, 'job.created');
    cli = {
      env: cliEnv({ HOOKRELAY_API_URL: svc.baseUrl, HOOKRELAY_API_KEY: svc.apiKey }),
      cwd: mkdtempSync(join(tmpdir(), 'hookrelay-listen-')),
    };
  });
  after(async () => {
    await svc?.close();
    await app?.close();
  });

  it('forwards the exact signed request, prints a line, records the app status; refuses a bad signature; Ctrl-C deletes', async () => {
    const listen = new CliProcess(['listen', '--forward-to', `${app.url}/hooks`, '--events', 'job.*', '--name', 'listen-test'], cli);
    try {
      await listen.waitForLine(/^Ready\./);
      const subscriptionId = (await listen.waitForLine(/^Created subscription sub_/)).match(/(sub_\S+)/)![1];
      const secret = (await listen.waitForLine(/^Signing secret: /)).split(': ')[1];
      const relayUrl = (await listen.waitForLine(/^Relaying /)).split(' ')[1];

      const event = await sendEvent(svc, 'job.created', { jobId: 'j_listen', note: 'exact bytes: é ✓' });
      const [received] = await app.waitForRequests(1);
      assert.equal(received.path, '/hooks');
      // The signature covers webhook-id, webhook-timestamp and the body: it verifies only on the exact bytes.
      const payload = new Webhook(secret).verify(received.body, received.headers as Record<string, string>) as {
        id: string;
        data: unknown;
      };
      assert.equal(payload.id, event.id);
      assert.deepEqual(payload.data, { jobId: 'j_listen', note: 'exact bytes: é ✓' });
      assert.equal(received.headers['webhook-id'], event.id);
      assert.equal(received.headers['webhook-event-type'], 'job.created');
      assert.equal(received.headers['webhook-attempt'], '1');
      assert.equal(received.headers['content-type'], 'application/json');

      const line = await listen.waitForLine(new RegExp(event.id));
      assert.match(line, new RegExp(`^\\d\\d:\\d\\d:\\d\\d  job\\.created  ${event.id}  attempt 1  ok  -> 202 \\(\\d+ ms\\)$`));

      const delivery = await eventually(async () => {
        const res = await svc.api('GET', `/v1/deliveries/${event.deliveries[0].id}`);
        return res.body.status === 'succeeded' ? res.body : undefined;
      });
      assert.equal(delivery.subscriptionId, subscriptionId);
      assert.equal(delivery.lastStatusCode, 202);
      assert.equal(delivery.attempts[0].responseBody, 'accepted by the app');

      // Someone else posting to the relay: refused, not forwarded.
      const forged = await fetch(relayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'msg_forged',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,Zm9yZ2Vk',
          'webhook-event-type': 'job.created',
          'webhook-attempt': '1',
        },
        body: '{"forged":true}',
      });
      assert.equal(forged.status, 401);
      assert.match(
        await listen.waitForLine(/msg_forged/),
        /job\.created {2}msg_forged {2}attempt 1 {2}bad signature {2}not forwarded \(answered 401\)$/,
      );
      assert.equal(app.requests.length, 1, 'the forged request did not reach the app');

      assert.equal(await listen.stop('SIGINT'), 0);
      await listen.waitForLine(new RegExp(`^Deleted subscription ${subscriptionId}`));
      assert.equal((await svc.api('GET', `/v1/subscriptions/${subscriptionId}`)).status, 404);
    } finally {
      listen.kill();
    }
  });

  it('against a service that refuses loopback targets, says what to set and exits 1', async () => {
    const strict = await startService('cli-listen-strict', { ALLOWED_PRIVATE_CIDRS: '' });
    try {
      const listen = new CliProcess(['listen', '--forward-to', `${app.url}/hooks`], {
        env: cliEnv({ HOOKRELAY_API_URL: strict.baseUrl, HOOKRELAY_API_KEY: strict.apiKey }),
        cwd: cli.cwd,
      });
      assert.equal(await listen.exited, 1);
      assert.match(listen.stderr, /ALLOWED_PRIVATE_CIDRS=127\.0\.0\.0\/8/);
    } finally {
      await strict.close();
    }
  });

  it('--keep pauses on exit; the next listen reuses the subscription, resumes it, and what it held comes through', async () => {
    const first = new CliProcess(['listen', '--forward-to', `${app.url}/kept`, '--name', 'listen-keep', '--keep'], cli);
    let subscriptionId: string;
    try {
      subscriptionId = (await first.waitForLine(/^Created subscription sub_/)).match(/(sub_\S+)/)![1]!;
      await first.waitForLine(/^Ready\./);
      assert.equal(await first.stop('SIGINT'), 0);
      await first.waitForLine(/^Paused subscription/);
    } finally {
      first.kill();
    }
    assert.equal((await svc.api('GET', `/v1/subscriptions/${subscriptionId}`)).body.status, 'paused');
    const held = await sendEvent(svc, 'job.created', { while: 'away' });
    assert.equal(held.deliveries[0].status, 'held');

    const before = app.requests.length;
    const second = new CliProcess(['listen', '--forward-to', `${app.url}/kept`, '--name', 'listen-keep'], cli);
    try {
      assert.match(await second.waitForLine(/^Reusing subscription/), new RegExp(subscriptionId));
      const secret = (await second.waitForLine(/^Signing secret: /)).split(': ')[1];
      await second.waitForLine(new RegExp(`${held.id}  attempt 1  ok  -> 202`));
      const received = app.requests.slice(before).find((r) => r.headers['webhook-id'] === held.id)!;
      new Webhook(secret).verify(received.body, received.headers as Record<string, string>);
      assert.equal(await second.stop('SIGINT'), 0);
    } finally {
      second.kill();
    }
  });
});
