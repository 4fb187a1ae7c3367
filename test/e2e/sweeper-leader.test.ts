import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type WorkflowClientInterceptor } from '@temporalio/client';
import { newId } from '../../src/common/ids.js';
import { MetricsService } from '../../src/health/metrics.service.js';
import { DeliveryDispatcher } from '../../src/dispatch/delivery-dispatcher.js';
import { DeliveryReconciler } from '../../src/dispatch/delivery-reconciler.js';
import { DeliverySweeper, SWEEPER_JOB } from '../../src/dispatch/delivery-sweeper.js';
import { createSubscription } from '../helpers/factories.js';
import { startService, type TestService } from '../helpers/service.js';

/** Deliveries stranded by the outage: more than the pump's in-flight cap (64), fewer than a sweep batch (500). */
const STRANDED = 300;
const CAP = 64;

/** One api process's dispatch module, on a Temporal client of its own that counts the starts it sends. */
function apiProcess(svc: TestService) {
  const count = { starts: 0, inFlight: 0, peak: 0 };
  const counter: WorkflowClientInterceptor = {
    async startWithDetails(input, next) {
      count.starts++;
      count.peak = Math.max(count.peak, ++count.inFlight);
      try {
        return await next(input);
      } finally {
        count.inFlight--;
      }
    },
  };
  const shared = svc.app.get(Client);
  const client = new Client({
    connection: shared.connection,
    namespace: svc.config.temporal.namespace,
    interceptors: { workflow: [counter] },
  });
  const dispatcher = new DeliveryDispatcher(client, svc.config, svc.db);
  const reconciler = new DeliveryReconciler(svc.config, svc.db, client, svc.app.get(MetricsService));
  const sweeper = new DeliverySweeper(svc.config, svc.db, dispatcher, reconciler, svc.app.get(MetricsService));
  return { count, dispatcher, sweeper };
}

describe('periodic jobs run on one api process at a time', () => {
  let svc: TestService;
  let subscriptionId: string;
  let tenantId: string;

  before(async () => {
    // An api process only: the workflows are started, never run; the app's own sweeper ticks hourly, out of the way.
    svc = await startService('sweeper_leader', { SWEEP_INTERVAL_MS: '3600000' }, 'api');
    await svc.api('POST', '/v1/event-types', { name: 'job.done' });
    subscriptionId = (await createSubscription(svc, { url: 'https://example.com/hook', events: ['job.done'] })).id;
    [{ id: tenantId }] = await svc.db.query(`SELECT id FROM tenants WHERE name = 'default'`);
  });

  after(async () => {
    await svc?.close();
  });

  /** What an outage of Temporal leaves: committed deliveries whose start was never confirmed. */
  async function strand(n: number): Promise<void> {
    const eventId = newId('evt');
    await svc.db.query(`INSERT INTO events (id, tenant_id, type, data, occurred_at) VALUES ($1, $2, 'job.done', '{}', now())`, [
      eventId,
      tenantId,
    ]);
    await svc.db.query(
      `INSERT INTO deliveries (id, tenant_id, event_id, subscription_id, event_type, kind, status, created_at)
       SELECT 'dlv_' || md5(random()::text), $1, $2, $3, 'job.done', 'event', 'scheduled', now() - interval '5 minutes'
         FROM generate_series(1, $4)`,
      [tenantId, eventId, subscriptionId, n],
    );
  }

  const undispatched = async () => Number((await svc.db.query(`SELECT count(*) FROM deliveries WHERE NOT dispatched`))[0].count);

  it(`after an outage, two api processes start ${STRANDED} stranded deliveries ${STRANDED} times, at most ${CAP} in flight`, async () => {
    await strand(STRANDED);
    const a = apiProcess(svc);
    const b = apiProcess(svc);
    const began = Date.now();
    // Both processes' timers fire together, twice: one holds the lease and sweeps, the other stands by.
    const first = await Promise.all([a.sweeper.tick(), b.sweeper.tick()]);
    const second = await Promise.all([a.sweeper.tick(), b.sweeper.tick()]);
    const starts = a.count.starts + b.count.starts;
    console.log(
      `[sweeper-leader] ${STRANDED} stranded, two processes: ${starts} starts (a ${a.count.starts}, b ${b.count.starts}), peak in flight a ${a.count.peak} b ${b.count.peak}, ${Date.now() - began} ms`,
    );
    assert.equal(first.filter((r) => r === null).length, 1, `one process stood by: ${JSON.stringify(first)}`);
    assert.deepEqual(
      second.map((r) => r === null),
      first.map((r) => r === null),
      'the leader kept its lease',
    );
    assert.equal(starts, STRANDED, 'each stranded delivery started once');
    assert.equal(await undispatched(), 0, 'every stranded delivery is marked started');
    for (const p of [a, b]) {
      assert.ok(p.count.peak <= CAP, `peak in flight ${p.count.peak} (cap ${CAP})`);
      assert.ok(p.dispatcher.peakInFlight <= CAP, `the pump's peak ${p.dispatcher.peakInFlight}`);
    }

    // The leader goes away (a deploy): it gives up its lease, the other process takes over at its next tick.
    const [leader, standby] = first[0] === null ? [b, a] : [a, b];
    await leader.sweeper.onApplicationShutdown();
    await strand(10);
    assert.equal(await standby.sweeper.tick(), 10, 'the standby took the lease and swept');

    // A leader that dies keeps its lease until it expires; then another takes it.
    const c = apiProcess(svc);
    assert.equal(await c.sweeper.tick(), null, 'the lease is held');
    await svc.db.query(`UPDATE job_leases SET expires_at = now() - interval '1 second' WHERE name = $1`, [SWEEPER_JOB]);
    assert.equal(await c.sweeper.tick(), 0, 'an expired lease is taken over');
    await standby.sweeper.onApplicationShutdown();
    await c.sweeper.onApplicationShutdown();
  });

  it('without the lease (as before), the same outage costs about twice the starts', async () => {
    await strand(STRANDED);
    const a = apiProcess(svc);
    const b = apiProcess(svc);
    await Promise.all([a.sweeper.sweepOnce(), b.sweeper.sweepOnce()]);
    const starts = a.count.starts + b.count.starts;
    console.log(`[sweeper-leader] without the lease: ${starts} starts for ${STRANDED} stranded deliveries`);
    assert.ok(starts >= STRANDED, `${starts} starts`);
    assert.equal(await undispatched(), 0);
  });
});
