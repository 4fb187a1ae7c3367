// Records delivery workflow histories for the replay test: `npm run build && node dist/test/workflows/record-histories.js`.
// Run it on the code whose histories must keep replaying (the deployed version) before changing `workflows/`;
// the replay test then proves the new code makes the same decisions for workflows already running.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { installRuntime } from '../../src/temporal/temporal.connection.js';
import { workflowCodeOption } from '../../src/temporal/workflow-bundle.js';
import {
  cancelSignal,
  circuitClosedSignal,
  resumeSignal,
  searchAttributes,
  wakeSignal,
  type AttemptResult,
  type DeliveryActivities,
  type RaiseRequest,
} from '../../workflows/contracts.js';

const OUT = resolve(process.argv[2] ?? 'test/workflows/histories');
const ONLY = process.argv.slice(3);

/**
 * One story per file: the activity's answers in turn (`slow-held`: held after a second of real time, so a signal
 * lands while the attempt runs; `raise`: a failure that calls for operational events; `predecessor`: waiting for
 * the previous delivery of a FIFO line), the workflow's input, and
 * what the test does while it runs. Together they walk every branch of the workflow.
 */
type Answer = number | 'held' | 'slow-held' | 'deferred' | 'raise' | 'predecessor';
const stories: Record<
  string,
  { answers: Answer[]; held?: boolean; firstAttempt?: number; during?: (handle: any, env: TestWorkflowEnvironment) => Promise<void> }
> = {
  'retries-then-succeeds': { answers: [500, 503, 200] },
  exhausted: { answers: [500, 500, 500] },
  'held-then-resumed': {
    answers: ['held', 200],
    during: async (handle, env) => {
      await env.sleep('1 hour');
      await handle.signal(resumeSignal);
    },
  },
  'cancelled-in-backoff': {
    answers: [500, 500],
    during: async (handle, env) => {
      await env.sleep('1 second');
      await handle.signal(cancelSignal);
    },
  },
  'written-held-then-resumed': {
    held: true,
    answers: [200],
    during: async (handle, env) => {
      await env.sleep('1 hour');
      await handle.signal(resumeSignal);
    },
  },
  'resumed-during-attempt': {
    answers: ['slow-held', 200],
    during: async (handle) => {
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal(resumeSignal);
    },
  },
  'circuit-deferred-then-timer': { answers: ['deferred', 'deferred', 200] },
  'circuit-deferred-then-woken': {
    answers: ['deferred', 200],
    during: async (handle) => {
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal(resumeSignal);
    },
  },
  'exhausted-raises-events': { answers: [500, 'raise'] },
  'restarted-from-attempt-3': { firstAttempt: 3, answers: [500, 200] },
  'circuit-closed-wakes': {
    answers: ['deferred', 200],
    during: async (handle) => {
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal(circuitClosedSignal);
    },
  },
  'predecessor-woken': {
    answers: ['predecessor', 200],
    during: async (handle) => {
      await new Promise((r) => setTimeout(r, 300));
      await handle.signal(wakeSignal);
    },
  },
  'predecessor-timer': { answers: ['predecessor', 'predecessor', 200] },
  'cancelled-while-held': {
    answers: ['held'],
    during: async (handle, env) => {
      await env.sleep('1 hour');
      await handle.signal(cancelSignal);
    },
  },
};

installRuntime();
const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: resolve('.tools/bin/temporal-test-server') } },
});
await env.nativeConnection.operatorService.addSearchAttributes({
  namespace: 'default',
  searchAttributes: Object.fromEntries(Object.values(searchAttributes).map((k) => [k.name, 2 /* KEYWORD */])),
});
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, story] of Object.entries(stories)) {
    if (ONLY.length && !ONLY.includes(name)) continue;
    let call = 0;
    const activities: DeliveryActivities = {
      async attemptDelivery(input) {
        const answer = story.answers[call++] ?? 200;
        const none = { statusCode: null, errorType: null, nextDelayMs: null, host: 'receiver.test', raise: [] };
        if (answer === 'held') return { ...none, status: 'held' };
        if (answer === 'slow-held') {
          await new Promise((r) => setTimeout(r, 1_000));
          return { ...none, status: 'held' };
        }
        if (answer === 'deferred') return { ...none, status: 'deferred', nextDelayMs: 60_000, circuitOpen: true };
        if (answer === 'predecessor')
          return { ...none, status: 'deferred', deferredBy: 'predecessor', wakeable: true, waitsFor: 'dlv_before', nextDelayMs: 60_000 };
        if (answer === 'raise') {
          const raise: RaiseRequest[] = [
            {
              tenantId: 'ten_story',
              type: 'delivery.exhausted',
              key: 'delivery.exhausted:dlv_story',
              data: { deliveryId: 'dlv_story', attempts: input.attemptNumber },
            },
            {
              tenantId: 'ten_story',
              type: 'subscription.disabled',
              key: 'subscription.disabled:sub_story',
              data: { subscriptionId: 'sub_story', reason: 'story' },
            },
          ];
          return { ...none, status: 'failed', statusCode: 500, raise };
        }
        if (answer < 300) return { ...none, status: 'succeeded', statusCode: answer };
        const last = call >= story.answers.length;
        const result: AttemptResult = {
          ...none,
          status: last ? 'failed' : 'retrying',
          statusCode: answer,
          nextDelayMs: last ? null : 5_000,
        };
        return result;
      },
      async raiseEvents() {},
    };
    const taskQueue = `record-${name}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, activities, ...workflowCodeOption() });
    const workflowId = `delivery-dlv_${name}`;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('deliver', {
        taskQueue,
        workflowId,
        args: [
          { deliveryId: `dlv_${name}`, ...(story.held && { held: true }), ...(story.firstAttempt && { firstAttempt: story.firstAttempt }) },
        ],
      });
      await story.during?.(handle, env);
      await handle.result();
    });
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    // Protobuf binary, as Temporal stores it (the JSON converter does not load under ESM here).
    writeFileSync(`${OUT}/${name}.history.bin`, proto.temporal.api.history.v1.History.encode(history).finish());
    console.log(`recorded ${name}: ${history.events?.length} events`);
  }
} finally {
  await env.teardown();
}
