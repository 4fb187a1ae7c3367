import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DEFAULT_RETRY_SCHEDULE, nextRetryDelayMs } from '../../src/policy/retry-schedule.js';
import { installRuntime } from '../../src/temporal/temporal.connection.js';
import { workflowCodeOption } from '../../src/temporal/workflow-bundle.js';
import {
  cancelSignal,
  resumeSignal,
  searchAttributes,
  type AttemptInput,
  type AttemptResult,
  type DeliverInput,
  type DeliveryActivities,
} from '../../workflows/contracts.js';
import { deliver } from '../../workflows/deliver.workflow.js';

/**
 * The delivery workflow under the time-skipping test server: hours of real backoff pass in seconds.
 * The activity is replaced by a scripted receiver whose answers go through the real retry-schedule math.
 */
describe('deliver workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  before(async () => {
    installRuntime();
    const path = process.env['TEST_TEMPORAL_TEST_SERVER'];
    env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : undefined);
    const keyword = 2; // INDEXED_VALUE_TYPE_KEYWORD
    await env.nativeConnection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(Object.values(searchAttributes).map((k) => [k.name, keyword])),
    });
  });
  after(async () => {
    await env?.teardown();
  });

  /** A receiver's answers in turn; `held` and `deferred` are what the activity says while paused or circuit-open. */
  type Script = (number | 'held' | 'deferred')[];

  /** Answers attempts with `codes` in turn; records when (in skipped time) each attempt ran. */
  function scriptedActivities(codes: Script, schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE) {
    const calls: { input: AttemptInput; at: number }[] = [];
    const activities: DeliveryActivities = {
      async attemptDelivery(input) {
        calls.push({ input, at: Date.now() });
        const code = codes[calls.length - 1] ?? 200;
        const none = { errorType: null, nextDelayMs: null, host: 'receiver.test', raise: [] };
        if (code === 'held') return { status: 'held', statusCode: null, ...none };
        if (code === 'deferred') return { status: 'deferred', statusCode: null, ...none, nextDelayMs: 60_000, circuitOpen: true };
        if (code >= 200 && code < 300) return { status: 'succeeded', statusCode: code, ...none };
        const next = nextRetryDelayMs(schedule, input.attemptNumber, null, () => 0.5);
        const result: AttemptResult = { status: next === null ? 'failed' : 'retrying', statusCode: code, ...none, nextDelayMs: next };
        return result;
      },
      async raiseEvents() {},
    };
    return { calls, activities };
  }

  async function run(
    codes: Script,
    during?: (handle: any, calls: { input: AttemptInput }[]) => Promise<void>,
    input: Partial<DeliverInput> = {},
  ) {
    const { calls, activities } = scriptedActivities(codes);
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, activities, ...workflowCodeOption() });
    const startedAt = await env.currentTimeMs();
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(deliver, {
        taskQueue,
        workflowId: `delivery-dlv_${randomUUID()}`,
        args: [{ deliveryId: 'dlv_test', ...input }],
      });
      if (during) await during(handle, calls);
      return handle.result();
    });
    return { result, calls, elapsedMs: (await env.currentTimeMs()) - startedAt };
  }

  it('retries on the long default schedule until the receiver answers 2xx', async () => {
    const { result, calls, elapsedMs } = await run([500, 503, 500, 200]);
    assert.deepEqual(result, { status: 'succeeded', attempts: 4, lastStatusCode: 200 });
    assert.deepEqual(
      calls.map((c) => c.input.attemptNumber),
      [1, 2, 3, 4],
    );
    // 5 s + 5 min + 30 min of backoff, on durable timers.
    assert.ok(elapsedMs >= (5 + 300 + 1800) * 1000, `elapsed ${elapsedMs} ms`);
  });

  it('gives up after the last retry: 8 attempts over about 27.6 hours', async () => {
    const { result, calls, elapsedMs } = await run(Array(8).fill(500));
    assert.deepEqual(result, { status: 'failed', attempts: 8, lastStatusCode: 500 });
    assert.equal(calls.length, 8);
    const scheduled = DEFAULT_RETRY_SCHEDULE.reduce((a, b) => a + b, 0) * 1000;
    assert.ok(elapsedMs >= scheduled, `elapsed ${elapsedMs} ms, schedule ${scheduled} ms`);
  });

  it('waits while held and attempts again when resumed', async () => {
    const { result, calls } = await run(['held', 200], async (handle, attempted) => {
      // Held: the workflow must not retry on its own, even across a day of skipped time.
      await env.sleep('1 day');
      assert.equal(attempted.length, 1);
      await handle.signal(resumeSignal);
    });
    // Being held is not an attempt: nothing was sent, so the first real attempt is still number 1.
    assert.deepEqual(result, { status: 'succeeded', attempts: 1, lastStatusCode: 200 });
    assert.deepEqual(
      calls.map((c) => c.input.attemptNumber),
      [1, 1],
    );
  });

  it('waits out an open circuit without using up attempt numbers', async () => {
    const { result, calls, elapsedMs } = await run([500, 'deferred', 'deferred', 200]);
    assert.deepEqual(result, { status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    assert.deepEqual(
      calls.map((c) => c.input.attemptNumber),
      [1, 2, 2, 2],
    );
    // The 5 s retry, then each deferral waits the minute the activity asked for, on durable timers.
    assert.ok(elapsedMs >= 5_000 + 2 * 60_000, `elapsed ${elapsedMs} ms`);
  });

  // That a resume (sent when a probe closes the circuit) ends a deferral is shown on the real server, in the e2e
  // circuit-breaker test: under time skipping the server may reach the deferral's timer before the signal.

  it('a run restarted by the reconciler continues from the next attempt number', async () => {
    const { result, calls } = await run([500, 200], undefined, { firstAttempt: 3 });
    assert.deepEqual(
      calls.map((c) => c.input.attemptNumber),
      [3, 4],
    );
    assert.deepEqual(result, { status: 'succeeded', attempts: 4, lastStatusCode: 200 });
  });

  it('stops at once when cancelled during a backoff', async () => {
    const { result, calls } = await run([500, 500], async (handle) => {
      await env.sleep('1 second');
      await handle.signal(cancelSignal);
    });
    assert.equal(result.status, 'cancelled');
    assert.equal(calls.length, 1);
  });
});
