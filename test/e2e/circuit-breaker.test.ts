import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver, type ReceivedRequest } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

// Threshold 3 and a 2 s first cooldown (4 s after one failed probe) keep the whole story under 15 s.
describe('circuit breaker', () => {
  let svc: TestService;

  before(async () => {
    svc = await startService('circuit', { CIRCUIT_FAILURE_THRESHOLD: '3', CIRCUIT_COOLDOWN_SECONDS: '2' });
    await createEventType(svc, 'invoice.paid');
  });
  after(async () => svc?.close());

  const circuitOf = async (subId: string) => (await svc.api('GET', `/v1/subscriptions/${subId}`)).body.circuit;
  const waitForCircuit = (subId: string, state: string) =>
    eventually(
      async () => {
        const circuit = await circuitOf(subId);
        return circuit.state === state ? circuit : undefined;
      },
      20_000,
      `circuit ${state}`,
    );
  const describe = (r: ReceivedRequest) => `${r.headers['webhook-id']}#${r.headers['webhook-attempt']} at ${new Date(r.at).toISOString()}`;
  const sendBatch = async (n: number) => {
    const res = await svc.api('POST', '/v1/events/batch', {
      events: Array.from({ length: n }, (_, i) => ({ type: 'invoice.paid', data: { i } })),
    });
    assert.equal(res.status, 202);
    return res.body.data as { id: string; deliveries: { id: string; subscriptionId: string }[] }[];
  };

  it('stops attempts to a failing endpoint, probes it once per cooldown, and lets everything through once it answers', async () => {
    const failing = await TestReceiver.start();
    const healthy = await TestReceiver.start();
    let up = false;
    // Once up, answers take a second: the probe is still out when the others come due, so they wait for it.
    failing.respond(() => (up ? { status: 200, delayMs: 1_000 } : { status: 500 }));
    try {
      const sub = await createSubscription(svc, { url: failing.url, events: ['invoice.paid'], retrySchedule: Array(8).fill(1) });
      const events = await sendBatch(6);
      const deliveryIds = events.map((e) => e.deliveries.find((d) => d.subscriptionId === sub.id)!.id);

      const open = await waitForCircuit(sub.id, 'open');
      assert.ok(open.consecutiveFailures >= 3, `failures in a row: ${open.consecutiveFailures}`);
      const openUntil = Date.parse(open.openUntil);

      // While open: the 1 s retries the schedule asked for are put off to the reopening, and say so.
      await eventually(
        async () => {
          for (const id of deliveryIds) {
            const d = (await svc.api('GET', `/v1/deliveries/${id}`)).body;
            if (d.status !== 'retrying' || Date.parse(d.nextAttemptAt) < openUntil - 5) return undefined;
          }
          return true;
        },
        5_000,
        'every delivery retrying no earlier than the reopening',
      );

      // Nothing reaches the failing endpoint before the circuit's reopening: only the first attempts did.
      const probe = await eventually(async () => failing.requests.find((r) => r.at >= openUntil), 20_000, 'the probe');
      assert.ok(failing.requests.filter((r) => r.at < openUntil).length <= 6, 'at most one attempt per delivery before the reopening');
      // One probe; the others wait for its outcome (a failed probe reopens the circuit for twice as long). Checked
      // once the second open window has passed, below.
      const reopened = await eventually(
        async () => {
          const c = await circuitOf(sub.id);
          return c.state === 'open' && Date.parse(c.openUntil) > probe.at ? c : undefined;
        },
        10_000,
        'the failed probe to reopen the circuit',
      );
      const secondCooldown = Date.parse(reopened.openUntil) - probe.at;
      assert.ok(secondCooldown > 3_000 && secondCooldown < 5_000, `second cooldown ${secondCooldown} ms, expected about 4 s`);

      // Meanwhile another endpoint of the same tenant is not held up.
      const other = await createSubscription(svc, { url: healthy.url, events: ['invoice.paid'] });
      const sentAt = Date.now();
      await sendEvent(svc, 'invoice.paid', { other: true }); // the failing endpoint gets it too, and defers it
      const [otherGot] = await healthy.waitForRequests(1, 5_000);
      assert.ok(otherGot.at - sentAt < 3_000, `healthy endpoint waited ${otherGot.at - sentAt} ms`);
      await svc.api('DELETE', `/v1/subscriptions/${other.id}`);

      // The endpoint recovers: the next probe closes the circuit and wakes the others at once (without the wake-up
      // they would come back 8 s later, the cooldown a failed probe would have set).
      const upAt = Date.now();
      up = true;
      for (const id of deliveryIds) {
        await eventually(
          async () => ((await svc.api('GET', `/v1/deliveries/${id}`)).body.status === 'succeeded' ? true : undefined),
          20_000,
          `delivery ${id} succeeded`,
        );
      }
      const recovered = failing.requests.filter((r) => r.at >= upAt && events.some((e) => e.id === r.headers['webhook-id']));
      const backlogAfterProbe = recovered.at(-1)!.at - recovered[0].at;
      assert.ok(backlogAfterProbe < 5_000, `the backlog arrived ${backlogAfterProbe} ms after the successful probe`);
      const closed = await circuitOf(sub.id);
      assert.deepEqual(closed, { state: 'closed', openUntil: null, consecutiveFailures: 0 });
      const betweenProbes = failing.requests.filter((r) => r.at >= openUntil && r.at < Date.parse(reopened.openUntil));
      assert.deepEqual(betweenProbes, [probe], `one probe after ${open.openUntil}, got ${failing.requests.map(describe).join(', ')}`);

      // Deferrals use no attempt numbers: each delivery's attempts are 1..n, and the receiver saw exactly those.
      let attempts = 0;
      for (const id of deliveryIds) {
        const numbers = (await svc.api('GET', `/v1/deliveries/${id}`)).body.attempts.map((a: { number: number }) => a.number);
        assert.deepEqual(
          numbers,
          numbers.map((_: number, i: number) => i + 1),
        );
        attempts += numbers.length;
      }
      const ours = failing.requests.filter((r) => events.some((e) => e.id === r.headers['webhook-id']));
      assert.equal(ours.length, attempts, `receiver saw ${ours.map(describe).join(', ')}`);
      assert.ok(attempts < 6 + 6 * 3, `${attempts} attempts; without the breaker the 1 s retries alone would have made about 40`);
      const metrics: string = (await svc.api('GET', '/metrics')).body;
      assert.match(metrics, /webhook_attempts_deferred_total\{reason="circuit"\} [1-9]/);
    } finally {
      await failing.close();
      await healthy.close();
    }
  });

  it('starts a subscription with a closed circuit when its URL changes', async () => {
    const failing = await TestReceiver.start();
    const replacement = await TestReceiver.start();
    failing.respond(() => ({ status: 503 }));
    try {
      const sub = await createSubscription(svc, { url: failing.url, events: ['invoice.paid'], retrySchedule: [1, 1, 1] });
      await sendBatch(3);
      await waitForCircuit(sub.id, 'open');
      const patched = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { url: replacement.url });
      assert.equal(patched.status, 200);
      assert.deepEqual(patched.body.circuit, { state: 'closed', openUntil: null, consecutiveFailures: 0 });
      // The deliveries held back come back at the end of their deferral and go to the new URL.
      await replacement.waitForRequests(3, 15_000);
    } finally {
      await failing.close();
      await replacement.close();
    }
  });
});
