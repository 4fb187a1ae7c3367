import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { createEventType, createSubscription, eventually } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** Held deliveries released by one resume (SCALE_HELD for more; npm run bench measures the rate). */
const HELD = Number(process.env['SCALE_HELD'] ?? 2500);

describe(`pause at scale: ${HELD} held deliveries`, () => {
  let svc: TestService;
  let receiver: TestReceiver;

  before(async () => {
    // No sweeper during the test: the resume itself must release every held delivery.
    svc = await startService('pause_scale', { SWEEP_INTERVAL_MS: '3600000' });
    receiver = await TestReceiver.start();
    await createEventType(svc, 'metric.sampled');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('holds everything while paused and releases each exactly once on resume', async () => {
    const sub = await createSubscription(svc, { url: receiver.url, events: ['metric.sampled'] });
    await svc.api('POST', `/v1/subscriptions/${sub.id}/pause`);
    const started = Date.now();
    const eventIds = new Set<string>();
    for (let sent = 0; sent < HELD; sent += 500) {
      const n = Math.min(500, HELD - sent);
      const res = await svc.api('POST', '/v1/events/batch', {
        events: Array.from({ length: n }, (_, i) => ({ type: 'metric.sampled', data: { i: sent + i } })),
      });
      assert.equal(res.status, 202);
      for (const e of res.body.data) {
        assert.equal(e.deliveries[0].status, 'held');
        eventIds.add(e.id);
      }
    }
    const acceptedMs = Date.now() - started;
    const count = async (status: string) =>
      (await svc.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND status = $2`, [sub.id, status]))[0]
        .n as number;
    assert.equal(receiver.requests.length, 0, 'nothing sent while paused');

    const resumeStart = Date.now();
    const resumed = await svc.api('POST', `/v1/subscriptions/${sub.id}/resume`);
    assert.equal(resumed.status, 200);
    const resumeMs = Date.now() - resumeStart;
    await receiver.waitForRequests(HELD, 300_000);
    const drainMs = Date.now() - resumeStart;
    await eventually(async () => ((await count('succeeded')) === HELD ? true : undefined), 60_000, 'all deliveries succeeded');

    const distinct = new Set(receiver.requests.map((r) => r.headers['webhook-id'] as string));
    assert.equal(distinct.size, HELD);
    assert.deepEqual(
      [...distinct].filter((id) => !eventIds.has(id)),
      [],
    );
    // Every workflow has ended, so no attempt is still on its way: the count is final.
    const client = svc.app.get(Client);
    await eventually(
      async () => {
        const { count } = await client.workflow.count(`SubscriptionId = '${sub.id}' AND ExecutionStatus = 'Running'`);
        return count === 0 ? true : undefined;
      },
      60_000,
      'every workflow closed',
    );
    assert.equal(receiver.requests.length, HELD, 'each delivered once');
    console.log(
      `[scale] ${HELD} held: accepted in ${acceptedMs} ms, resume answered in ${resumeMs} ms, drained in ${drainMs} ms (${Math.round(HELD / (drainMs / 1000))} deliveries/s)`,
    );
  });
});
