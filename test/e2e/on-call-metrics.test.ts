import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { retentionScheduleId } from '../../src/retention/retention-schedule.js';
import { createEventType, createSubscription, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:\\.|[^"])*)"/g)].map((l) => [l[1], l[2]]));
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels` (undefined: none). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}

describe('/metrics for an on-call: delivery lag, attempt errors, endpoint health, periodic jobs, the Temporal SDK', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  const scrape = async () => parse((await svc.api('GET', '/metrics', undefined, { key: null })).text);

  before(async () => {
    svc = await startService('on-call-metrics', { METRICS_REFRESH_MS: '1000', SWEEP_INTERVAL_MS: '500', CIRCUIT_FAILURE_THRESHOLD: '1' });
    receiver = await TestReceiver.start();
    receiver.respond((req) =>
      req.path === '/failing'
        ? { status: 500 }
        : req.path === '/gone'
          ? { status: 410 }
          : req.path === '/slow'
            ? { status: 200, delayMs: 8000 }
            : { status: 200 },
    );
    await createEventType(svc, 'metrics.ok');
    await createEventType(svc, 'metrics.failing');
    await createEventType(svc, 'metrics.refused');
    await createEventType(svc, 'metrics.gone');
    await createEventType(svc, 'metrics.slow');
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('shows the values after some deliveries, not just the names', async () => {
    const hourly = [3600];
    await createSubscription(svc, { url: `${receiver.url}/ok`, events: ['metrics.ok'] });
    await createSubscription(svc, { url: `${receiver.url}/failing`, events: ['metrics.failing'], retrySchedule: hourly });
    // Nothing listens on port 9 of loopback: the connection is refused.
    await createSubscription(svc, { url: 'http://127.0.0.1:9/refused', events: ['metrics.refused'], retrySchedule: hourly });
    await createSubscription(svc, { url: `${receiver.url}/gone`, events: ['metrics.gone'] });
    const baseline = await scrape();
    assert.equal(valueOf(baseline, 'webhook_subscriptions_disabled'), 0);
    assert.equal(valueOf(baseline, 'webhook_oldest_unfinished_delivery_age_seconds', { stage: 'retrying' }), 0);

    const sentAt = Date.now();
    for (const type of ['metrics.ok', 'metrics.failing', 'metrics.refused', 'metrics.gone']) await sendEvent(svc, type, { n: 1 });
    const settled = async () => {
      const res = await svc.api('GET', '/v1/deliveries?limit=50');
      const statuses = (res.body.data as { status: string }[]).map((d) => d.status).sort();
      return statuses.join() === 'failed,retrying,retrying,succeeded' ? true : undefined;
    };
    await eventually(settled, 30_000, 'one delivery succeeded, two retrying, one failed (410)');

    const s = await eventually(
      async () => {
        const samples = await scrape();
        return valueOf(samples, 'webhook_subscriptions_disabled') === 1 ? samples : undefined;
      },
      10_000,
      'the disabled gauge refreshed',
    );
    // The error type is a label: a 5xx answer has none, a refused connection `connection`.
    assert.equal(valueOf(s, 'webhook_attempts_total', { status: 'succeeded', status_class: '2xx', error_type: 'none' }), 1);
    assert.equal(valueOf(s, 'webhook_attempts_total', { status: 'retrying', status_class: '5xx', error_type: 'none' }), 1);
    assert.equal(valueOf(s, 'webhook_attempts_total', { status: 'retrying', status_class: 'none', error_type: 'connection' }), 1);
    assert.equal(valueOf(s, 'webhook_attempts_total', { status: 'failed', status_class: '4xx', error_type: 'none' }), 1);
    assert.equal(valueOf(s, 'webhook_delivery_first_attempt_latency_seconds_count'), 4, 'four first attempts');
    const latencySum = valueOf(s, 'webhook_delivery_first_attempt_latency_seconds_sum')!;
    assert.ok(latencySum > 0 && latencySum < (4 * (Date.now() - sentAt)) / 1000, `latency sum ${latencySum}`);
    // Three endpoints failed once with a threshold of 1 (a 410 counts too, and it disabled its subscription).
    assert.equal(valueOf(s, 'webhook_subscriptions_circuit_open'), 3);
    const retryingAge = valueOf(s, 'webhook_oldest_unfinished_delivery_age_seconds', { stage: 'retrying' })!;
    assert.ok(retryingAge > 0 && retryingAge <= (Date.now() - sentAt) / 1000 + 1, `oldest retrying ${retryingAge} s`);
    assert.equal(
      valueOf(s, 'webhook_oldest_unfinished_delivery_age_seconds', { stage: 'first_attempt' }),
      0,
      'every delivery had its first attempt',
    );
    assert.equal(valueOf(s, 'webhook_deliveries_unstarted'), 0);
    assert.equal(valueOf(s, 'webhook_start_queue_depth'), 0);

    // The Temporal SDK's own worker metrics, in the same /metrics (Core hands them over within a second or so).
    const sdk = await eventually(
      async () => {
        const samples = await scrape();
        return (valueOf(samples, 'temporal_workflow_task_execution_latency_count') ?? 0) >= 4 ? samples : undefined;
      },
      10_000,
      'temporal_workflow_task_execution_latency_count of at least 4 (one workflow task per delivery at least)',
    );
    const slots = valueOf(sdk, 'temporal_worker_task_slots_available', { worker_type: 'WorkflowWorker' });
    assert.ok(slots !== undefined && slots > 0, `workflow task slots available: ${slots}`);
    assert.ok(valueOf(sdk, 'temporal_workflow_completed')! >= 2, 'the succeeded and the failed delivery workflows completed');
  });

  it('ages the oldest delivery waiting for its first attempt, and counts the unstarted', async () => {
    await createSubscription(svc, { url: `${receiver.url}/slow`, events: ['metrics.slow'] });
    const seen = receiver.requests.length;
    const sent = await sendEvent(svc, 'metrics.slow', { n: 2 });
    const sentAt = Date.now();
    // (The receiver's waitForRequests resolves once it has answered: too late here.)
    await eventually(async () => (receiver.requests.length > seen ? true : undefined), 10_000, 'the slow request received');
    // The first attempt is in flight (the receiver answers after 8 s): the delivery has no attempt yet.
    let last: number | undefined;
    const age = await eventually(
      async () => {
        last = valueOf(await scrape(), 'webhook_oldest_unfinished_delivery_age_seconds', { stage: 'first_attempt' });
        return last !== undefined && last >= 1 ? last : undefined;
      },
      6_000,
      'the first-attempt age above 1 s',
    ).catch(async (err: Error) => {
      const row: unknown = await svc.db.query(`SELECT status, attempt_count, created_at, now() FROM deliveries WHERE id = $1`, [
        sent.deliveries[0].id,
      ]);
      return assert.fail(`${err.message} (last: ${last}; ${JSON.stringify(row)})`);
    });
    assert.ok(age <= (Date.now() - sentAt) / 1000 + 1, `first attempt age ${age} s`);

    // A delivery whose start was never confirmed (as after a crash between commit and start): the outbox's count.
    await svc.db.query(`UPDATE deliveries SET dispatched = false WHERE id = $1`, [sent.deliveries[0].id]);
    await eventually(
      async () => (valueOf(await scrape(), 'webhook_deliveries_unstarted') === 1 ? true : undefined),
      10_000,
      'one unstarted',
    );
    await svc.db.query(`UPDATE deliveries SET dispatched = true WHERE id = $1`, [sent.deliveries[0].id]);
  });

  it('stamps the last success of the sweeper, the reconciler and the retention purge', async () => {
    const client = svc.app.get(Client);
    const before = Date.now() / 1000;
    await client.schedule.getHandle(retentionScheduleId(svc.config.temporal.taskQueue)).trigger();
    const s = await eventually(
      async () => {
        const samples = await scrape();
        const at = (job: string) => valueOf(samples, 'webhook_job_last_success_timestamp_seconds', { job }) ?? 0;
        return at('sweeper') >= before && at('reconciler') >= before && at('purge') >= before ? samples : undefined;
      },
      30_000,
      'each job succeeded since the test began',
    );
    for (const job of ['sweeper', 'reconciler', 'purge'])
      assert.ok(valueOf(s, 'webhook_job_last_success_timestamp_seconds', { job })! <= Date.now() / 1000, job);
  });
});
