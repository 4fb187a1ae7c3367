import { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { signalDeliveries } from '../src/deliveries/workflow-starter.js';
import { resumeSignal } from '../workflows/contracts.js';
import type { CircuitPolicy } from '../src/config.js';
import { circuitGate, cooldownSeconds, deferralMs, probeWindowSeconds } from '../src/delivery/circuit-breaker.js';
import { recordNoAttempt } from './record.activity.js';

/** Whether an attempt due now may go to the endpoint: as usual, as the one probe, or only after `delayMs`. */
export type CircuitDecision = { go: true; probe: boolean } | { go: false; delayMs: number };

/**
 * Decides for one attempt whose context showed the circuit open or half-open. Half-open: the first attempt to
 * claim the subscription's circuit is the probe (the claim holds it open for the probe's duration); every other
 * attempt, and all of them while open, is deferred and the delivery shows `retrying` until then. A deferral
 * lasts until the reopening, but never longer than the cooldown a failed probe would set: while a probe is out,
 * the others come back about when its outcome is known.
 */
export async function decideCircuit(
  db: DataSource,
  policy: CircuitPolicy,
  ctx: { deliveryId: string; subscriptionId: string; circuitOpenUntil: Date | null; circuitTrips: number; timeoutMs: number },
): Promise<CircuitDecision> {
  const now = new Date();
  const gate = circuitGate(ctx.circuitOpenUntil, now);
  if (gate === 'closed' || policy.failureThreshold === 0) return { go: true, probe: false };
  if (gate === 'half-open') {
    // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not rows.
    const [claimed] = await db.query(
      `WITH claim AS (
         UPDATE subscriptions SET circuit_open_until = now() + make_interval(secs => $2)
          WHERE id = $1 AND circuit_open_until <= now() RETURNING id
       ) SELECT id FROM claim`,
      [ctx.subscriptionId, probeWindowSeconds(ctx.timeoutMs)],
    );
    if (claimed) return { go: true, probe: true };
  }
  // Open, or another delivery holds the probe.
  const cooldownEnd = now.getTime() + cooldownSeconds(policy, ctx.circuitTrips) * 1000;
  const reopening = gate === 'open' ? Math.min(ctx.circuitOpenUntil!.getTime(), cooldownEnd) : cooldownEnd;
  const delayMs = deferralMs(new Date(reopening), now);
  await recordNoAttempt(db, ctx.deliveryId, 'retrying', new Date(now.getTime() + delayMs));
  return { go: false, delayMs };
}

const log = new Logger('CircuitBreaker');

/**
 * The circuit closed: wakes the deliveries waiting on it, oldest first, so a recovered endpoint gets its backlog
 * now rather than one cooldown later. Runs in the background; a delivery it misses (worker stopped half-way)
 * still comes back when its deferral ends. Deliveries waiting on their own retry schedule ignore the signal.
 */
export async function releaseDeferred(db: DataSource, client: Client, subscriptionId: string): Promise<number> {
  const rows: { id: string }[] = await db
    .query(`SELECT id FROM deliveries WHERE subscription_id = $1 AND status = 'retrying' AND next_attempt_at > now() ORDER BY id`, [subscriptionId])
    .catch((err: Error) => {
      log.warn(`finding the deliveries waiting on subscription ${subscriptionId}'s circuit failed: ${err.message}`);
      return [];
    });
  await signalDeliveries(client, rows.map((r) => r.id), resumeSignal, (id, err) =>
    log.warn(`waking delivery ${id} after its circuit closed failed: ${err.message}`),
  );
  if (rows.length) log.log(`circuit of subscription ${subscriptionId} closed: woke ${rows.length} waiting deliveries`);
  return rows.length;
}
