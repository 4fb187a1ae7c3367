// 7. SIGTERM the worker under load while its replacement starts (a rolling deploy): it must exit cleanly within
// its grace, nothing accepted may be lost, and no delivery may have two attempts in flight at once (the receiver
// tracks open requests per webhook-id). Some answers take seconds, so attempts are in flight when the signal lands.
import { MAX_TIMEOUT_MS } from '../../src/subscriptions/subscription.dto.js';
import { ClientLedger } from './ledger.js';
import { runLoad, setting, waitFor, type Ctx, type Scenario } from './harness.js';

/** The worker's Temporal shutdownGraceTime (src/temporal/delivery.worker.ts): the longest attempt timeout + 15 s. */
const WORKER_GRACE_MS = MAX_TIMEOUT_MS + 15_000;

export const scenario7: Scenario = {
  number: 7,
  title: 'SIGTERM the worker under load (replacement started at once)',
  async run(ctx: Ctx) {
    const events = setting(7, 'EVENTS', 600);
    const rate = setting(7, 'RATE', 40);
    // Allowed: the worker's own grace plus closing Nest, the database pool and the Temporal connection.
    const allowedMs = setting(7, 'EXIT_WITHIN_MS', WORKER_GRACE_MS + 5000);
    ctx.receiver.delayMs = 200;
    ctx.receiver.longEvery = 10;
    ctx.receiver.longDelayMs = 4000;
    const [api, worker] = await Promise.all([ctx.start('api'), ctx.start('worker')]);
    await ctx.subscribe(api.url);
    const client = new ClientLedger();
    ctx.log(`${events} events at ${rate}/s; answers take 200 ms (every 10th 4 s); the worker gets SIGTERM once`);
    const load = runLoad(ctx, client, { events, rate, concurrency: 16, apis: () => [api.url], keyPrefix: 's7', deadlineMs: 120_000 });
    await waitFor(() => ctx.receiver.okIds().size >= Math.floor(events / 3), 120_000);
    const inFlight = ctx.receiver.openRequests();
    const deliveredAtSignal = ctx.receiver.okIds().size;
    const [exit, replacement] = await Promise.all([worker.term(), ctx.start('worker')]);
    const note = `SIGTERM at ${deliveredAtSignal} delivered with ${inFlight} requests in flight: worker exited in ${exit.ms} ms (code ${exit.code}, signal ${exit.signal}); replacement ${replacement.label} up`;
    ctx.log(note);
    await load;
    ctx.log(`load done: ${client.accepted.size} accepted; draining`);
    const { rows, drainedMs } = await ctx.drain(client, setting(7, 'DRAIN_MS', 150_000));
    const overlapping = [...ctx.receiver.overlappingIds].slice(0, 5);
    const { report, assertions } = ctx.ledger('scenario 7 (worker SIGTERM)', events, client, rows, {
      'worker exit after SIGTERM (ms)': exit.ms,
      'requests in flight at SIGTERM': inFlight,
      'drained after load (ms)': drainedMs ?? 'not drained',
    });
    assertions.push([
      'scenario 7: the worker exited cleanly (code 0) after SIGTERM',
      exit.code === 0,
      `code ${exit.code}, signal ${exit.signal}`,
    ]);
    assertions.push([`scenario 7: ... within its grace (${allowedMs} ms)`, exit.ms <= allowedMs, `${exit.ms} ms`]);
    assertions.push([
      'scenario 7: no delivery had two attempts in flight at once',
      report.overlappingIds === 0,
      `${report.overlappingIds} webhook-ids${overlapping.length ? ': ' + overlapping.join(', ') : ''}`,
    ]);
    assertions.push(['scenario 7: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes: [note] };
  },
};
