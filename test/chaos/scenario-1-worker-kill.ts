// 1. kill -9 the worker process (roles split: one api, one worker) several times during a load of events,
// restarting it each time. Nothing accepted may be lost; duplicates (an attempt re-run after the crash) are counted.
import { ClientLedger } from './ledger.js';
import { runLoad, setting, sleep, waitFor, type Ctx, type Scenario } from './harness.js';

export const scenario1: Scenario = {
  number: 1,
  title: 'kill -9 the worker three times under load (split roles)',
  async run(ctx: Ctx) {
    const events = setting(1, 'EVENTS', 1200);
    const rate = setting(1, 'RATE', 50);
    const kills = setting(1, 'KILLS', 3);
    // A receiver that takes a moment to answer, so that kills land while attempts are in flight.
    ctx.receiver.delayMs = setting(1, 'RECEIVER_DELAY_MS', 100);
    const [api, first] = await Promise.all([ctx.start('api'), ctx.start('worker')]);
    let worker = first;
    await ctx.subscribe(api.url);
    const client = new ClientLedger();
    ctx.log(`${events} events at ${rate}/s; the worker is killed -9 ${kills} times`);
    const load = runLoad(ctx, client, { events, rate, concurrency: 16, apis: () => [api.url], keyPrefix: 's1', deadlineMs: 120_000 });
    const notes: string[] = [];
    let killed = 0;
    for (let k = 1; k <= kills && !ctx.aborted; k++) {
      const mark = Math.floor((events * k) / (kills + 1));
      await waitFor(() => ctx.receiver.okIds().size >= mark, 120_000);
      const inFlight = ctx.receiver.openRequests();
      await worker.kill9();
      killed++;
      const downAt = Date.now();
      const note = `kill ${k}: worker ${worker.pid} killed -9 at ${ctx.receiver.okIds().size} delivered, ${client.accepted.size} accepted, ${inFlight} requests in flight`;
      await sleep(1000);
      worker = await ctx.start('worker');
      notes.push(`${note}; replacement up after ${Date.now() - downAt} ms`);
      ctx.log(notes.at(-1)!);
    }
    await load;
    ctx.log(`load done: ${client.accepted.size} accepted; draining`);
    const { rows, drainedMs } = await ctx.drain(client, setting(1, 'DRAIN_MS', 150_000));
    const { report, assertions } = ctx.ledger('scenario 1 (worker kill -9 x3)', events, client, rows, {
      'worker kills': killed,
      'drained after load (ms)': drainedMs ?? 'not drained',
    });
    assertions.push(['scenario 1: the worker was killed -9 as planned', killed === kills, `${killed} of ${kills}`]);
    assertions.push(['scenario 1: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes };
  },
};
