// 5. A receiver that flaps: up, down (connection refused, then connections closed without an answer), slower than
// the subscription's timeoutMs, up again. With a short retry schedule, everything must be delivered once it is up.
import { ClientLedger } from './ledger.js';
import { runLoad, setting, SHORT_RETRY_SCHEDULE, sleep, type Ctx, type Scenario } from './harness.js';
import type { ReceiverMode } from './receiver.js';

export const scenario5: Scenario = {
  number: 5,
  title: 'a flapping receiver (refused, closed, slower than timeoutMs, up)',
  async run(ctx: Ctx) {
    const events = setting(5, 'EVENTS', 300);
    const rate = setting(5, 'RATE', 20);
    const phaseMs = setting(5, 'PHASE_MS', 4000);
    // The circuit breaker off by default: with it on, the first failures open the circuit and later phases see
    // only its probes; off, every phase meets the full stream of attempts and the retry schedule does the work.
    const threshold = setting(5, 'CIRCUIT_THRESHOLD', 0);
    const cooldown = setting(5, 'CIRCUIT_COOLDOWN_SECONDS', 5);
    const timeoutMs = 1000;
    ctx.receiver.slowMs = timeoutMs + 1500;
    const env = { CIRCUIT_FAILURE_THRESHOLD: String(threshold), CIRCUIT_COOLDOWN_SECONDS: String(cooldown) };
    const [api] = await Promise.all([ctx.start('api', { env }), ctx.start('worker', { env })]);
    await ctx.subscribe(api.url, { retrySchedule: SHORT_RETRY_SCHEDULE, timeoutMs });
    const client = new ClientLedger();
    ctx.log(
      `${events} events at ${rate}/s; timeoutMs ${timeoutMs}, retrySchedule [${SHORT_RETRY_SCHEDULE.join(',')}], circuit breaker ${threshold ? `after ${threshold} failures, cooldown ${cooldown} s` : 'off'}; phases of ${phaseMs} ms`,
    );
    const load = runLoad(ctx, client, { events, rate, concurrency: 16, apis: () => [api.url], keyPrefix: 's5', deadlineMs: 120_000 });
    const phases: ReceiverMode[] = ['up', 'refuse', 'reset', 'slow', 'up', 'refuse', 'slow', 'up'];
    const log: string[] = [];
    for (const mode of phases) {
      if (ctx.aborted) break;
      await ctx.receiver.setMode(mode);
      log.push(`${mode} at ${ctx.receiver.okIds().size} delivered`);
      if (mode !== 'up' || log.length < phases.length) await sleep(phaseMs);
    }
    const note = `receiver phases: ${log.join(' -> ')}`;
    ctx.log(note);
    await load;
    ctx.log(`load done: ${client.accepted.size} accepted; draining`);
    const { rows, drainedMs } = await ctx.drain(client, setting(5, 'DRAIN_MS', 150_000));
    const [{ maxAttempts, retried }] = await ctx.query<{ maxAttempts: number; retried: number }>(
      `SELECT COALESCE(max(attempt_count), 0)::int AS "maxAttempts", count(*) FILTER (WHERE attempt_count > 1)::int AS retried FROM deliveries`,
    );
    const [{ failedAttempts }] = await ctx.query<{ failedAttempts: number }>(
      `SELECT count(*)::int AS "failedAttempts" FROM attempts WHERE status_code IS NULL OR status_code NOT BETWEEN 200 AND 299`,
    );
    const { report, assertions } = ctx.ledger('scenario 5 (flapping receiver)', events, client, rows, {
      'requests closed unanswered (reset)': ctx.receiver.dropped,
      'answers the sender gave up on (slow)': ctx.receiver.abandoned,
      'failed attempts recorded': failedAttempts,
      'deliveries with more than one attempt': `${retried} (most: ${maxAttempts})`,
      'drained after load (ms)': drainedMs ?? 'not drained',
    });
    assertions.push([
      'scenario 5: the flapping was felt (closed and timed-out requests, retried deliveries)',
      ctx.receiver.dropped > 0 && ctx.receiver.abandoned > 0 && retried > 0,
      `${ctx.receiver.dropped} closed, ${ctx.receiver.abandoned} timed out, ${retried} deliveries retried`,
    ]);
    assertions.push([
      'scenario 5: no delivery ended failed',
      !rows.some((r) => r.status === 'failed'),
      `${rows.filter((r) => r.status === 'failed').length} failed`,
    ]);
    assertions.push(['scenario 5: no process crashed unasked', ctx.crashes().length === 0, ctx.crashes().join('; ') || 'none']);
    return { ledgers: [report], assertions, notes: [note] };
  },
};
