import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createEventType, createSubscription } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';

/** The pattern of the report: 199 RE2 instructions that defeat its DFA, ~0.3 to 0.5 s over 256 KiB of `a`. */
const COSTLY = 'a[ab]{195}[0-9]';
/** The same cost, another pattern: patterns on one path add up. */
const costly = (i: number) => `${String.fromCharCode(97 + (i % 26))}[ab]{195}[0-${i % 10}]`;

/** 50 conditions in $or groups of at most 20 (every one is judged when none holds). */
const anyOf = (conditions: Record<string, unknown>[]) => ({
  $or: [conditions.slice(0, 20), conditions.slice(20, 40), conditions.slice(40)].filter((g) => g.length).map((g) => ({ $or: g })),
});

/**
 * Polls GET /health from a thread of its own (the service shares this test's event loop, so a poller here would
 * stall with it) and reports the slowest answer.
 */
async function healthPoller(url: string) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let stop = false, worst = 0, polls = 0;
     parentPort.on('message', () => { stop = true; });
     (async () => {
       // The first answers warm the thread's HTTP client up; they are not measured.
       for (let i = 0; i < 3; i++) await fetch(workerData.url).then((r) => r.text());
       parentPort.postMessage('ready');
       while (!stop) {
         const t = performance.now();
         await fetch(workerData.url).then((r) => r.text());
         worst = Math.max(worst, performance.now() - t);
         polls++;
         await new Promise((r) => setTimeout(r, 10));
       }
       parentPort.postMessage({ worst, polls });
     })();`,
    { eval: true, workerData: { url } },
  );
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  const done = ready.then(
    () =>
      new Promise<{ worst: number; polls: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  await ready;
  return {
    async stop() {
      worker.postMessage('stop');
      const result = await done;
      await worker.terminate();
      return result;
    },
  };
}

describe('filter budget: no filter holds the event loop, costly filters are refused up front', () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let limit: number;
  /** The largest event accepted: one string filling PAYLOAD_LIMIT_BYTES, all `a` (RE2's worst case here). */
  let largest: { s: string };

  before(async () => {
    svc = await startService('filterbudget');
    receiver = await TestReceiver.start();
    await createEventType(svc, 'job.created');
    limit = svc.config.payloadLimitBytes;
    largest = { s: 'a'.repeat(limit - JSON.stringify({ s: '' }).length) };
    assert.equal(Buffer.byteLength(JSON.stringify(largest)), limit);
  });
  after(async () => {
    await svc?.close();
    await receiver?.close();
  });

  it('keeps GET /health under 200 ms while the costliest accepted filters meet the largest accepted event', async () => {
    // The report's filter: 50 conditions of the same costly pattern on one path (accepted: run once per event).
    const repeated = await createSubscription(svc, {
      url: `${receiver.url}/repeated`,
      events: ['job.created'],
      filter: anyOf(Array.from({ length: 50 }, () => ({ s: { $regex: COSTLY } }))),
    });
    // 5 different costly patterns (the most instructions a filter may hold), one per path of 50: each path's
    // string is a part of the same payload.
    const spread = await createSubscription(svc, {
      url: `${receiver.url}/spread`,
      events: ['job.created'],
      filter: anyOf(Array.from({ length: 50 }, (_, i) => ({ [`p${i}`]: { $regex: costly(i % 5) } }))),
    });
    const matching = await createSubscription(svc, {
      url: `${receiver.url}/all`,
      events: ['job.created'],
      filter: { s: { $regex: '^a+$' } },
    });

    const poller = await healthPoller(`${svc.baseUrl}/health`);
    const started = performance.now();
    const res = await svc.api('POST', '/v1/events', { type: 'job.created', data: largest }, { timeoutMs: 60_000 });
    const ingestMs = performance.now() - started;
    const { worst, polls } = await poller.stop();
    console.log(
      `  ingest of a ${limit}-byte event against 150 costly conditions: ${Math.round(ingestMs)} ms; worst /health ${Math.round(worst)} ms over ${polls} polls`,
    );
    assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 300));
    assert.deepEqual(
      res.body.deliveries.map((d: { subscriptionId: string }) => d.subscriptionId),
      [matching.id],
      `neither ${repeated.id} nor ${spread.id} matches`,
    );
    assert.ok(polls >= 3, `only ${polls} polls of /health during the ingest`);
    assert.ok(worst < 200, `GET /health took ${Math.round(worst)} ms during the ingest: filters held the event loop`);

    // The spread filter on its worst event: 50 strings sharing the payload.
    const parts = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, 'a'.repeat(Math.floor(limit / 50) - 12)]));
    const poller2 = await healthPoller(`${svc.baseUrl}/health`);
    const res2 = await svc.api('POST', '/v1/events', { type: 'job.created', data: parts }, { timeoutMs: 60_000 });
    const second = await poller2.stop();
    assert.equal(res2.status, 202, JSON.stringify(res2.body).slice(0, 300));
    assert.ok(second.worst < 200, `GET /health took ${Math.round(second.worst)} ms during the second ingest`);
  });

  it('keeps GET /health under 200 ms during a filter test of the same filter and event, and answers a bounded reason', async () => {
    const filter = anyOf(Array.from({ length: 50 }, () => ({ s: { $regex: COSTLY } })));
    const poller = await healthPoller(`${svc.baseUrl}/health`);
    const res = await svc.api('POST', '/v1/filters/test', { filter, data: largest }, { timeoutMs: 60_000 });
    const { worst, polls } = await poller.stop();
    console.log(`  filter test of the same: worst /health ${Math.round(worst)} ms over ${polls} polls`);
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    assert.equal(res.body.matches, false);
    assert.ok(worst < 200, `GET /health took ${Math.round(worst)} ms during the filter test`);

    // Every condition holds and each reason names the value: quoted values are cut.
    const all = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, { $regex: '^a' }]));
    const parts = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, 'a'.repeat(Math.floor(limit / 50) - 12)]));
    const held = await svc.api('POST', '/v1/filters/test', { filter: all, data: parts });
    assert.equal(held.status, 200, JSON.stringify(held.body).slice(0, 300));
    assert.equal(held.body.matches, true);
    assert.ok(JSON.stringify(held.body).length < 20_000, `the answer is ${JSON.stringify(held.body).length} characters`);
    assert.match(held.body.reason, /^p0 is "a{100}\.\.\." \(\d+ characters\), matching \/\^a\/; p1 is/);
  });

  it('binds the filter test to PAYLOAD_LIMIT_BYTES: 413 naming data for a larger sample', async () => {
    const res = await svc.api('POST', '/v1/filters/test', { filter: { s: 'x' }, data: { s: 'a'.repeat(limit) } });
    assert.equal(res.status, 413, JSON.stringify(res.body).slice(0, 300));
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.deepEqual(
      res.body.errors.map((e: { field: string }) => e.field),
      ['data'],
    );
  });

  it('refuses with 422 on create, PATCH and filter test a filter that can cost more than its budget on the largest event', async () => {
    // Different costly patterns on one path: together they would read the same 256 KiB string each.
    const never = anyOf(Array.from({ length: 50 }, (_, i) => ({ s: { $regex: costly(i % 2) } })));
    const created = await svc.api('POST', '/v1/subscriptions', { url: receiver.url, events: ['job.created'], filter: never, ping: false });
    assert.equal(created.status, 422, JSON.stringify(created.body).slice(0, 300));
    assert.match(created.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.deepEqual(
      created.body.errors.map((e: { field: string }) => e.field),
      ['filter'],
    );
    assert.match(created.body.errors[0].message, /PAYLOAD_LIMIT_BYTES \(262144 bytes\); the budget is \d+/);

    const sub = await createSubscription(svc, { url: receiver.url, events: ['job.created'], filter: { s: 'x' } });
    const patched = await svc.api('PATCH', `/v1/subscriptions/${sub.id}`, { filter: never });
    assert.equal(patched.status, 422, JSON.stringify(patched.body).slice(0, 300));
    assert.deepEqual(
      patched.body.errors.map((e: { field: string }) => e.field),
      ['filter'],
    );
    assert.deepEqual((await svc.api('GET', `/v1/subscriptions/${sub.id}`)).body.filter, { s: 'x' });

    const tested = await svc.api('POST', '/v1/filters/test', { filter: never, data: { s: 'a' } });
    assert.equal(tested.status, 422, JSON.stringify(tested.body).slice(0, 300));

    // 50 different costly patterns would take 50 compiles (~100 ms of the event loop): refused before compiling.
    const many = anyOf(Array.from({ length: 50 }, (_, i) => ({ [`p${i}`]: { $regex: costly(i) } })));
    const compiled = await svc.api('POST', '/v1/filters/test', { filter: many, data: { s: 'a' } });
    assert.equal(compiled.status, 422, JSON.stringify(compiled.body).slice(0, 300));
    assert.match(compiled.body.errors[0].message, /distinct patterns together exceed 1000 RE2 instructions/);
  });

  it("refuses with 422 the subscription that would take the tenant's filters together past their budget", async () => {
    // Each fits alone (one costly pattern: ~52 M units on the largest event); the tenant's budget holds about five.
    const made: string[] = [];
    let refused: { status: number; body: any } | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await svc.api('POST', '/v1/subscriptions', {
        url: receiver.url,
        events: ['job.created'],
        filter: { [`t${i}`]: { $regex: COSTLY } },
        ping: false,
      });
      if (res.status === 201) made.push(res.body.id);
      else refused = res;
    }
    assert.ok(refused, `${made.length} costly subscriptions were all accepted`);
    assert.equal(refused.status, 422, JSON.stringify(refused.body).slice(0, 300));
    assert.match(refused.body.errors[0].message, /the tenant's filters together can cost \d+ units per event; the budget is \d+/);
    // Room again once one goes.
    assert.equal((await svc.api('DELETE', `/v1/subscriptions/${made[0]}`)).status, 204);
    await createSubscription(svc, { url: receiver.url, events: ['job.created'], filter: { t99: { $regex: COSTLY } } });
  });
});
