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
import { deliver, MAX_HISTORY_EVENTS_PER_RUN } from '../../workflows/deliver.workflow.js';

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
    const workflowId = `delivery-dlv_${randomUUID()}`;
    const { result, firstRunId } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(deliver, {
        taskQueue,
        workflowId,
        args: [{ deliveryId: 'dlv_test', ...input }],
      });
      if (during) await during(handle, calls);
      return { result: await handle.result(), firstRunId: handle.firstExecutionRunId };
    });
    return { result, calls, elapsedMs: (await env.currentTimeMs()) - startedAt, workflowId, firstRunId };
  }

  /** Every run of a workflow, first to last: each one that continued as new names the next. */
  async function runsOf(workflowId: string, firstRunId: string) {
    const runs = [];
    for (let runId: string | null | undefined = firstRunId; runId;) {
      const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.push(history.events ?? []);
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    return runs;
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

  it('continues as new through a long wait: 2,000 deferrals, every run bounded, the delivery ends right', async (t) => {
    const deferrals = 2_000;
    const { result, calls, workflowId, firstRunId } = await run([500, ...Array<'deferred'>(deferrals).fill('deferred'), 200]);
    assert.deepEqual(result, { status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    assert.equal(calls.length, deferrals + 2);
    // The attempt number survives every run: attempt 1 failed, attempt 2 waited 2,000 times, then went.
    assert.deepEqual(
      calls.map((c) => c.input.attemptNumber),
      [1, ...Array<number>(deferrals + 1).fill(2)],
    );
    const runs = await runsOf(workflowId, firstRunId);
    // About 6 events per deferral: 12,000 in one run without continuing as new.
    assert.ok(runs.length >= 10, `${runs.length} runs`);
    t.diagnostic(`${runs.length} runs, the longest ${Math.max(...runs.map((r) => r.length))} events`);
    for (const [i, events] of runs.entries()) {
      // The check happens before each attempt: at most one more loop (about 6 events) and the continue-as-new past it.
      assert.ok(events.length <= MAX_HISTORY_EVENTS_PER_RUN + 10, `run ${i + 1}: ${events.length} events`);
      if (i === 0) continue;
      // Each later run starts where the last stood: the next attempt number, and the status the UI filters on.
      const started = events[0].workflowExecutionStartedEventAttributes!;
      const json = (data: Uint8Array | null | undefined) => JSON.parse(new TextDecoder().decode(data ?? undefined)) as unknown;
      assert.deepEqual(json(started.input?.payloads?.[0]?.data), {
        deliveryId: 'dlv_test',
        firstAttempt: 2,
        continued: { status: 'retrying', lastStatusCode: 500, host: 'receiver.test' },
      });
      assert.equal(json(started.searchAttributes?.indexedFields?.['DeliveryStatus']?.data), 'retrying', `run ${i + 1}`);
    }
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
