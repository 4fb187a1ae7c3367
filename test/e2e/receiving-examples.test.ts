import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { freePort } from '../helpers/ports.js';
import { startService, type TestService } from '../helpers/service.js';

// The receivers shown in docs/receiving.md, run as they are against real deliveries: they verify with the
// Standard Webhooks libraries (npm and PyPI), de-duplicate by webhook-id, and refuse a wrong signature.
const EXAMPLES = [
  { language: 'Python', command: resolve('.tools/bin/python'), file: resolve('docs/examples/receiver.py') },
  { language: 'Node', command: process.execPath, file: resolve('docs/examples/receiver.mjs') },
];

/** Starts an example receiver; resolves once it listens, and collects the lines it prints. */
async function startExample(command: string, file: string, secret: string, port: number) {
  const child: ChildProcess = spawn(command, [file], {
    env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let errors = '';
  child.stderr!.on('data', (c: Buffer) => (errors += c.toString()));
  child.stdout!.on('data', (c: Buffer) => {
    for (const line of c.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  await eventually(async () => (lines.some((l) => 'listening' in l) ? true : undefined), 20_000, `${file} to listen (${errors})`);
  return { lines, stop: () => child.kill() };
}

describe('the receiving docs: example receivers verify real deliveries', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('receiving');
    await createEventType(svc, 'invoice.paid');
  });
  after(async () => svc?.close());

  const delivery = async (id: string) => (await svc.api('GET', `/v1/deliveries/${id}`)).body;

  it('docs/receiving.md quotes the examples whole, as they are tested here', () => {
    const doc = readFileSync(resolve('docs/receiving.md'), 'utf8');
    for (const example of EXAMPLES)
      assert.ok(doc.includes(readFileSync(example.file, 'utf8').trimEnd()), `${example.file} is not quoted as it is`);
  });

  for (const example of EXAMPLES) {
    it(`${example.language}: verifies, de-duplicates by webhook-id, refuses a wrong signature`, async () => {
      const port = await freePort();
      const sub = await createSubscription(svc, { url: `http://127.0.0.1:${port}/hooks`, events: ['invoice.paid'], retrySchedule: [3600] });
      const receiver = await startExample(example.command, example.file, sub.secret, port);
      try {
        const event = await sendEvent(svc, 'invoice.paid', { amount: 42 });
        const first = event.deliveries[0].id;
        await eventually(async () => ((await delivery(first)).status === 'succeeded' ? true : undefined), 20_000, 'the delivery');
        assert.equal((await delivery(first)).lastStatusCode, 204);
        const again = await svc.api('POST', `/v1/deliveries/${first}/redeliver`);
        await eventually(async () => ((await delivery(again.body.id)).status === 'succeeded' ? true : undefined), 20_000, 'the redelivery');
        assert.deepEqual(
          receiver.lines.filter((l) => 'verified' in l),
          [{ verified: event.id, type: 'invoice.paid' }],
          'handled once',
        );

        // A secret the receiver does not know: it answers 400 and the delivery waits for a retry.
        await svc.api('POST', `/v1/subscriptions/${sub.id}/rotate-secret`, { graceSeconds: 0 });
        const refused = (await sendEvent(svc, 'invoice.paid', {})).deliveries[0].id;
        const retrying = await eventually(
          async () => {
            const d = await delivery(refused);
            return d.status === 'retrying' ? d : undefined;
          },
          20_000,
          'the badly signed delivery to be refused',
        );
        assert.equal(retrying.lastStatusCode, 400);
        await svc.api('DELETE', `/v1/subscriptions/${sub.id}`);
      } finally {
        receiver.stop();
      }
    });
  }
});
