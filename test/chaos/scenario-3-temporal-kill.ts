// 3. kill -9 the Temporal dev server mid-load and start it again on the same address and SQLite file. Clients keep
// posting meanwhile (ingestion needs only Postgres); workflow starts that failed are the sweeper's, workflows that
// were running continue from the file. Everything accepted must be delivered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientLedger } from './ledger.js';
import { runLoad, setting, sleep, waitFor, type Ctx, type Scenario } from './harness.js';

export const scenario3: Scenario = {
  number: 3,
  title: 'kill -9 the Temporal dev server mid-load, restart on the same address and db file',
  async run(ctx: Ctx) {
    const events = setting(3, 'EVENTS', 800);
    const rate = setting(3, 'RATE', 40);
    const downMs = setting(3, 'DOWN_MS', 5000);
    ctx.receiver.delayMs = 50;
    const [api, worker] = await Promise.all([ctx.start('api'), ctx.start('worker')]);
    await ctx.subscribe(api.url);
    const client = new ClientLedger();
    ctx.log(`${events} events at ${rate}/s; Temporal is killed -9 once, down ${downMs} ms`);
    const load = runLoad(ctx, client, { events, rate, concurrency: 16, apis: () => [api.url], keyPrefix: 's3', deadlineMs: 120_000 });
    // Mid-load: clients still posting and deliveries under way; no later than half-way through the posting, so
    // that events are still being accepted while Temporal is down however slowly the first deliveries go.
    await waitFor(
      () =>
        client.accepted.size >= Math.floor(events / 3) &&
        (ctx.receiver.okIds().size >= Math.min(50, Math.floor(events / 10)) || client.accepted.size >= Math.floor(events / 2)),
      120_000,
    );
    const pid = ctx.temporal.pid;
    const acceptedAtKill = client.accepted.size;
    const deliveredAtKill = ctx.receiver.okIds().size;
    const killedAt = Date.now();
    await ctx.temporal.kill9();
    await sleep(downMs);
    await ctx.temporal.start();
    const note = `Temporal ${pid} killed -9 at ${deliveredAtKill} delivered, ${acceptedAtKill} accepted; serving again on ${ctx.temporal.address} after ${Date.now() - killedAt} ms; ${client.accepted.size - acceptedAtKill} events accepted meanwhile`;
    ctx.log(note);
    await load;
    ctx.log(
      `load done: ${client.accepted.size} accepted; draining (starts that failed while Temporal was down wait for the sweeper's 60 s grace)`,
    );
    const { rows, drainedMs } = await ctx.drain(client, setting(3, 'DRAIN_MS', 150_000));
    const workerLog = readFileSync(join(ctx.dir, `${worker.label}.log`), 'utf8');
    const workerStopped = /worker stopped/.test(workerLog);
    const { report, assertions } = ctx.ledger('scenario 3 (Temporal kill -9)', events, client, rows, {
      'Temporal down (ms)': downMs,
      'drained after load (ms)': drainedMs ?? 'not drained',
      'worker log says "worker stopped"': workerStopped ? 'yes' : 'no',
    });
    assertions.push([
      'scenario 3: events were accepted while Temporal was down',
      client.accepted.size > acceptedAtKill,
      `${client.accepted.size - acceptedAtKill} after the kill`,
    ]);
    assertions.push(['scenario 3: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes: [note] };
  },
};
