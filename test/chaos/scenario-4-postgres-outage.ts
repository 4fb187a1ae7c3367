// 4. Postgres connections cut (pg_terminate_backend) and refused (ALLOW_CONNECTIONS false) for ~10 s mid-load.
// Meanwhile the api must answer 503 with Retry-After, never 500; the clients come back after the Retry-After with
// the same Idempotency-Key; the worker's activities retry. Nothing accepted is lost.
import { ClientLedger } from './ledger.js';
import { runLoad, setting, sleep, waitFor, type Ctx, type Scenario } from './harness.js';

export const scenario4: Scenario = {
  number: 4,
  title: 'Postgres connections cut and refused for ~10 s mid-load',
  async run(ctx: Ctx) {
    const events = setting(4, 'EVENTS', 600);
    const rate = setting(4, 'RATE', 40);
    const outageMs = setting(4, 'OUTAGE_MS', 10_000);
    ctx.receiver.delayMs = 50;
    const [api] = await Promise.all([ctx.start('api'), ctx.start('worker')]);
    await ctx.subscribe(api.url);
    const client = new ClientLedger();
    ctx.log(`${events} events at ${rate}/s; ${ctx.dbName} refuses connections for ${outageMs} ms`);
    const load = runLoad(ctx, client, { events, rate, concurrency: 16, apis: () => [api.url], keyPrefix: 's4', deadlineMs: 120_000 });
    // While clients are still posting: the outage must meet ingestion as well as the worker.
    await waitFor(() => client.accepted.size >= Math.floor(events / 4), 120_000);
    await ctx.query('SELECT 1'); // the checker's own pool is open before the outage, as the service's are
    const before = new Map(client.answers);
    const quoted = `"${ctx.dbName}"`;
    const cutAt = Date.now();
    await ctx.admin(`ALTER DATABASE ${quoted} WITH ALLOW_CONNECTIONS false`);
    const [{ n: terminated }] = await ctx.admin<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [ctx.dbName],
    );
    // Proof that it holds: a new connection is refused.
    let refused: string;
    try {
      await ctx.connectOnce();
      refused = 'NO: a new connection was accepted';
    } catch (err) {
      refused = `yes (${(err as Error).message})`;
    }
    // Sessions that slipped in between the ALTER and the terminate (none should) are cut again halfway.
    await sleep(outageMs / 2);
    await ctx.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [ctx.dbName]);
    await sleep(outageMs / 2);
    await ctx.admin(`ALTER DATABASE ${quoted} WITH ALLOW_CONNECTIONS true`);
    const restoredAt = Date.now();
    const during: Record<string, number> = {};
    for (const [status, n] of client.answers) if (n - (before.get(status) ?? 0) > 0) during[status] = n - (before.get(status) ?? 0);
    const note = `outage ${restoredAt - cutAt} ms: ${terminated} sessions terminated, new connections refused: ${refused}; answers meanwhile ${JSON.stringify(during)}`;
    ctx.log(note);
    await load;
    ctx.log(`load done: ${client.accepted.size} accepted; draining`);
    const { rows, drainedMs } = await ctx.drain(client, setting(4, 'DRAIN_MS', 150_000));
    const { report, assertions } = ctx.ledger('scenario 4 (Postgres outage)', events, client, rows, {
      'outage (ms)': restoredAt - cutAt,
      'answers during the outage': JSON.stringify(during),
      'drained after load (ms)': drainedMs ?? 'not drained',
    });
    assertions.push(['scenario 4: new connections were refused during the outage', refused.startsWith('yes'), refused]);
    assertions.push(['scenario 4: the api answered 503 during the outage', (during['503'] ?? 0) > 0, JSON.stringify(during)]);
    const other = Object.keys(client.answers.size ? Object.fromEntries(client.answers) : {}).filter((s) => s !== '202' && s !== '503');
    assertions.push([
      'scenario 4: only 202 and 503 answers (never a 500)',
      other.length === 0,
      other.length ? `also ${other.join(', ')}: ${client.samples.join(' | ')}` : JSON.stringify(Object.fromEntries(client.answers)),
    ]);
    assertions.push(['scenario 4: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes: [note] };
  },
};
