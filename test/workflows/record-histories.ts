// Records workflow histories (deliver, replay, purgeExpiredData) for the replay test: `npm run build && node dist/test/workflows/record-histories.js`.
// Run it on the code whose histories must keep replaying (the deployed version) before changing `workflows/`;
// the replay test then proves the new code makes the same decisions for workflows already running. Once a change
// lands, record only its new stories by name (arguments after the directory): `deferred-long` was recorded by the
// code from before continue-as-new and must stay so, to replay the `patched()` branch that keeps the old way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { installRuntime } from '../../src/temporal/temporal.connection.js';
import { workflowCodeOption } from '../../src/temporal/workflow-bundle.js';
import type { PurgeRound } from '../../workflows/retention-contracts.js';
import type { ReplayBatchResult } from '../../workflows/replay-contracts.js';
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
  // A long wait (a maxConcurrency backlog rechecked every minute): past 1,000 history events, where the code
  // since then continues as new.
  'deferred-long': { answers: [...Array<Answer>(200).fill('deferred'), 200] },
  'deferred-long-continues-as-new': { answers: [500, ...Array<Answer>(200).fill('deferred'), 200] },
};

/** The replay and retention workflows: the batches (or purge rounds) their activity answers in turn. */
const replayStories: Record<string, ReplayBatchResult[]> = {
  'replay-paced': [
    { done: false, sent: 10, skipped: 1, pauseMs: 30_000 },
    { done: false, sent: 10, skipped: 0, pauseMs: 0 },
    { done: true, sent: 3, skipped: 0, pauseMs: 0 },
  ],
  // 200 batches per run, then it continues as new.
  'replay-continues-as-new': [
    ...Array<ReplayBatchResult>(200).fill({ done: false, sent: 1, skipped: 0, pauseMs: 0 }),
    { done: true, sent: 0, skipped: 0, pauseMs: 0 },
  ],
};
const purgeStories: Record<string, PurgeRound[]> = {
  'purge-one-round': [{ events: 5, responseBodies: 7, more: false }],
  'purge-rounds': [
    { events: 500, responseBodies: 500, more: true },
    { events: 500, responseBodies: 20, more: true },
    { events: 3, responseBodies: 0, more: false },
  ],
  // A backlog bigger than one run's rounds: it stops and the next scheduled run finishes.
  'purge-max-rounds': Array<PurgeRound>(100).fill({ events: 1, responseBodies: 1, more: true }),
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

/**
 * Writes every run of the workflow, first to last (a run that continued as new names the next one): `<name>`
 * for a single run, `<name>.run-<n>` for each of several.
 */
async function save(name: string, workflowId: string, firstRunId: string): Promise<void> {
  const runs = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  runs.forEach((history, i) => {
    const file = runs.length === 1 ? name : `${name}.run-${i + 1}`;
    // Protobuf binary, as Temporal stores it (the JSON converter does not load under ESM here).
    writeFileSync(`${OUT}/${file}.history.bin`, proto.temporal.api.history.v1.History.encode(history).finish());
    console.log(`recorded ${file}: ${history.events?.length} events`);
  });
}

/** Runs one workflow to its end on a worker of its own task queue and records its runs. */
async function record(
  name: string,
  workflowType: string,
  args: unknown[],
  activities: object,
  during?: (handle: any) => Promise<void>,
): Promise<void> {
  const taskQueue = `record-${name}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, activities, ...workflowCodeOption() });
  const workflowId = `${workflowType}-${name}`;
  const handle = await worker.runUntil(async () => {
    const h = await env.client.workflow.start(workflowType, { taskQueue, workflowId, args });
    await during?.(h);
    await h.result();
    return h;
  });
  await save(name, workflowId, handle.firstExecutionRunId);
}

try {
  for (const [name, batches] of Object.entries(replayStories)) {
    if (ONLY.length && !ONLY.includes(name)) continue;
    let call = 0;
    await record(name, 'replay', [{ replayId: `rpl_${name}` }], { replayBatch: async () => batches[call++] ?? batches.at(-1) });
  }
  for (const [name, rounds] of Object.entries(purgeStories)) {
    if (ONLY.length && !ONLY.includes(name)) continue;
    let call = 0;
    await record(name, 'purgeExpiredData', [{ retentionDays: 30 }], { purgeExpired: async () => rounds[call++] ?? rounds.at(-1) });
  }
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
    await record(
      name,
      'deliver',
      [{ deliveryId: `dlv_${name}`, ...(story.held && { held: true }), ...(story.firstAttempt && { firstAttempt: story.firstAttempt }) }],
      activities,
      story.during && ((handle) => story.during!(handle, env)),
    );
  }
} finally {
  await env.teardown();
}
