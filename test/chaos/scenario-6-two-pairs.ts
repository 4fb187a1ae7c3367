// 6. Two api and two worker processes on one database and one Temporal task queue: the same ledger, and the
// throughput (deliveries/s, first POST to the last first 2xx, over the same event count) of two pairs against one
// pair in a world of its own (own database, Temporal server and receiver), both printed.
import { ClientLedger, type LedgerReport } from './ledger.js';
import { runLoad, setting, type Assertion, type Ctx, type Scenario } from './harness.js';

async function measure(
  ctx: Ctx,
  pairs: number,
  events: number,
  label: string,
): Promise<{ report: LedgerReport; assertions: Assertion[]; rate: number }> {
  const procs = await Promise.all(Array.from({ length: pairs }, () => [ctx.start('api'), ctx.start('worker')]).flat());
  const apis = procs.filter((p) => p.role === 'api').map((p) => p.url);
  await ctx.subscribe(apis[0]);
  const client = new ClientLedger();
  ctx.log(`${label}: ${events} events as fast as 32 clients can post, spread over ${apis.length} api process(es)`);
  await runLoad(ctx, client, { events, rate: 0, concurrency: 32, apis: () => apis, keyPrefix: `s6-${pairs}`, deadlineMs: 120_000 });
  const { rows, drainedMs } = await ctx.drain(client, setting(6, 'DRAIN_MS', 150_000));
  const ok = ctx.receiver.ids;
  const lastFirstOk = Math.max(...[...client.accepted.values()].map((a) => ok.get(a.eventId)?.firstOkAt ?? 0));
  const rate = drainedMs === null ? 0 : events / ((lastFirstOk - client.firstPostAt) / 1000);
  const { report, assertions } = ctx.ledger(label, events, client, rows, {
    'deliveries/s (first POST to last 2xx)': rate.toFixed(1),
    'ingest (first POST to last 202, s)': ((client.lastAcceptAt - client.firstPostAt) / 1000).toFixed(1),
  });
  assertions.push([`${label}: no process crashed unasked`, ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
  return { report, assertions, rate };
}

export const scenario6: Scenario = {
  number: 6,
  title: 'two api + two worker processes on one database and task queue (vs one pair)',
  async run(ctx: Ctx) {
    const events = setting(6, 'EVENTS', 800);
    ctx.receiver.delayMs = 20;
    const single = await ctx.sibling('one-pair');
    single.receiver.delayMs = 20;
    const one = await measure(single, 1, events, 'scenario 6 baseline (one api + one worker)');
    await Promise.all(single.processes.map((p) => p.stop()));
    const two = await measure(ctx, 2, events, 'scenario 6 (two api + two worker processes)');
    const note = `throughput over ${events} events: one pair ${one.rate.toFixed(1)} deliveries/s, two pairs ${two.rate.toFixed(1)} deliveries/s (x${(two.rate / one.rate).toFixed(2)})`;
    ctx.log(note);
    return { ledgers: [two.report, one.report], assertions: [...two.assertions, ...one.assertions], notes: [note] };
  },
};
