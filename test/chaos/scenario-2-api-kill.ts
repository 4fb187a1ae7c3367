// 2. kill -9 the api while clients post with Idempotency-Key; whatever got no answer (connection refused, reset,
// cut mid-request) is resent with the same key once the api is back on the same port. Each event must be delivered
// once: the distinct webhook-ids delivered are exactly the distinct keys, and no key made a second event.
import { ClientLedger } from './ledger.js';
import { runLoad, setting, sleep, waitFor, type Ctx, type Scenario } from './harness.js';

export const scenario2: Scenario = {
  number: 2,
  title: 'kill -9 the api while clients post with Idempotency-Key',
  async run(ctx: Ctx) {
    const events = setting(2, 'EVENTS', 600);
    const rate = setting(2, 'RATE', 60);
    const kills = setting(2, 'KILLS', 2);
    let [api] = await Promise.all([ctx.start('api'), ctx.start('worker')]);
    const port = api.port;
    await ctx.subscribe(api.url);
    const client = new ClientLedger();
    // Requests that fail while the api is down wait here until it is back.
    let back: Promise<void> = Promise.resolve();
    const killTimes: number[] = [];
    ctx.log(`${events} events at ${rate}/s with Idempotency-Keys; the api is killed -9 ${kills} times`);
    const load = runLoad(ctx, client, {
      events,
      rate,
      concurrency: 16,
      apis: () => [`http://127.0.0.1:${port}`],
      keyPrefix: 's2',
      afterConnectionError: async () => {
        await back;
        await sleep(20 + Math.random() * 100);
      },
      deadlineMs: 120_000,
    });
    const notes: string[] = [];
    for (let k = 1; k <= kills && !ctx.aborted; k++) {
      await waitFor(() => client.accepted.size >= Math.floor((events * k) / (kills + 1)), 120_000);
      let release!: () => void;
      back = new Promise((r) => (release = r));
      const errorsBefore = client.connectionErrors;
      await api.kill9();
      killTimes.push(Date.now());
      const note = `kill ${k}: api killed -9 at ${client.accepted.size} accepted`;
      await sleep(1000);
      api = await ctx.start('api', { port });
      release();
      notes.push(
        `${note}; back on port ${port} after ${Date.now() - killTimes.at(-1)!} ms; ${client.connectionErrors - errorsBefore} requests without an answer meanwhile`,
      );
      ctx.log(notes.at(-1)!);
    }
    await load;
    ctx.log(
      `load done: ${client.accepted.size} accepted; draining (deliveries whose start died with the api wait for the sweeper's 60 s grace)`,
    );
    const { rows, drainedMs } = await ctx.drain(client, setting(2, 'DRAIN_MS', 150_000));

    // Keys resent after no answer whose event the killed api had already committed: the repeat answered with it.
    const events_ = await ctx.query<{ key: string; createdAt: Date }>(
      `SELECT idempotency_key AS key, created_at AS "createdAt" FROM events WHERE idempotency_key LIKE 's2-%'`,
    );
    const created = new Map(events_.map((e) => [e.key, e.createdAt.getTime()]));
    const replayed = [...client.resentKeys].filter((key) => killTimes.some((t) => (created.get(key) ?? Infinity) <= t)).length;
    const okIds = ctx.receiver.okIds();
    const deliveredAccepted = [...client.accepted.values()].filter((a) => okIds.has(a.eventId)).length;
    const { report, assertions } = ctx.ledger('scenario 2 (api kill -9)', events, client, rows, {
      'api kills': killTimes.length,
      'keys resent after no answer': client.resentKeys.size,
      '... committed before the kill': replayed,
      'events in the database': events_.length,
      'drained after load (ms)': drainedMs ?? 'not drained',
    });
    assertions.push([
      'scenario 2: the api was killed -9 as planned and clients saw it',
      killTimes.length === kills && client.connectionErrors > 0,
      `${killTimes.length} kills, ${client.connectionErrors} requests without an answer`,
    ]);
    assertions.push([
      'scenario 2: one event per Idempotency-Key in the database',
      events_.length === events && new Set(events_.map((e) => e.key)).size === events,
      `${events_.length} events for ${events} keys`,
    ]);
    assertions.push([
      'scenario 2: distinct webhook-ids delivered == distinct idempotency keys',
      okIds.size === events && deliveredAccepted === events,
      `${okIds.size} webhook-ids (${deliveredAccepted} of them accepted) for ${events} keys`,
    ]);
    assertions.push([
      'scenario 2: each event delivered once (no extra 2xx POSTs)',
      report.duplicates === 0,
      `${report.duplicates} duplicates over ${report.duplicateIds} webhook-ids`,
    ]);
    assertions.push(['scenario 2: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes };
  },
};
