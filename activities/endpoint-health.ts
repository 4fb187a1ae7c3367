import type { DataSource } from 'typeorm';
import type { CircuitPolicy } from '../src/policy/circuit-breaker.js';
import { circuitGate, cooldownSeconds, deferralMs, probeWindowSeconds } from '../src/policy/circuit-breaker.js';
import { circuitClosedSignal } from '../workflows/contracts.js';
import type { ActivityLog } from './deps.js';
import type { DeliveryDispatch } from '../src/dispatch/workflow-dispatch.js';
import { recordNoAttempt } from '../src/database/delivery-store/index.js';

// A subscription's endpoint health, in named operations: admit an attempt (the circuit's gate, with the claim of
// its one probe), record a success, record a failure (which may open the circuit or disable the subscription),
// and wake the deliveries that waited on a circuit that has closed. The arithmetic is in
// src/policy/circuit-breaker.ts; every decision here is made on the subscription's locked row.

/** Whether an attempt due now may go to the endpoint: as usual, as the one probe, or only after `delayMs`. */
export type CircuitAdmission = { go: true; probe: boolean } | { go: false; delayMs: number };

/**
 * Admits an attempt whose context showed the circuit open or half-open. Half-open: the first attempt to claim
 * the probe goes; every other attempt, and all of them while open, is deferred and the delivery shows `retrying`
 * until then. A deferral lasts until the reopening, but never longer than the cooldown a failed probe would set:
 * while a probe is out, the others come back about when its outcome is known.
 */
export async function admitToCircuit(
  db: DataSource,
  policy: CircuitPolicy,
  ctx: { deliveryId: string; subscriptionId: string; circuitOpenUntil: Date | null; circuitTrips: number; timeoutMs: number },
): Promise<CircuitAdmission> {
  const now = new Date();
  const gate = circuitGate(ctx.circuitOpenUntil, now);
  if (gate === 'closed' || policy.failureThreshold === 0) return { go: true, probe: false };
  if (gate === 'half-open' && (await claimProbe(db, ctx.subscriptionId, ctx.timeoutMs))) return { go: true, probe: true };
  const cooldownEnd = now.getTime() + cooldownSeconds(policy, ctx.circuitTrips) * 1000;
  const reopening = gate === 'open' ? Math.min(ctx.circuitOpenUntil!.getTime(), cooldownEnd) : cooldownEnd;
  const delayMs = deferralMs(new Date(reopening), now);
  await recordNoAttempt(db, ctx.deliveryId, 'retrying', new Date(now.getTime() + delayMs));
  return { go: false, delayMs };
}

/** Claims the half-open circuit's one probe; the claim holds it open for the probe's duration. */
async function claimProbe(db: DataSource, subscriptionId: string, timeoutMs: number): Promise<boolean> {
  // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not rows.
  const [claimed] = await db.query(
    `WITH claim AS (
       UPDATE subscriptions SET circuit_open_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND circuit_open_until <= now() RETURNING id
     ) SELECT id FROM claim`,
    [subscriptionId, probeWindowSeconds(timeoutMs)],
  );
  return claimed !== undefined;
}

/** The subscription of the attempt's delivery, for the statements below (named parameters of record.ts). */
const SUBSCRIPTION = `(SELECT subscription_id FROM deliveries WHERE id = :deliveryId)`;

/**
 * Record a success (a CTE `health` of the record statement): the failure record is cleared, and the row written
 * only when there was one, so a healthy endpoint costs no subscription write. A throttle in force stands (a
 * success that was in flight when the receiver asked to slow down does not lift it); its growth resets.
 */
export const RECORD_SUCCESS = `
health AS (
  UPDATE subscriptions s SET failing_since = NULL, consecutive_failures = 0, circuit_open_until = NULL, circuit_trips = 0, throttle_strikes = 0
   WHERE :tracksHealth::boolean AND s.id = ${SUBSCRIPTION}
     AND (s.failing_since IS NOT NULL OR s.consecutive_failures > 0 OR s.circuit_open_until IS NOT NULL OR s.throttle_strikes > 0)
  RETURNING NULL::text AS "disabledReason", NULL::timestamptz AS until
)`;

/**
 * Record a failure (a CTE `health` of the record statement), judged on the locked row so that concurrent
 * failures count exactly and only one of them opens the circuit or disables the subscription. The circuit opens
 * on the failure that makes `circuitThreshold` in a row while it is closed, or when the probe fails. The
 * subscription is disabled on 410 Gone or when every attempt failed for `disableAfterHours`. `until` is when a
 * retry may go at the earliest (the circuit's reopening, spread), `disabledReason` set only by the failure that
 * disabled it. A throttle (`throttleSeconds`: the receiver answered 429 or 503) pauses the whole subscription
 * for that long, or longer if it is paused longer already.
 */
export const RECORD_FAILURE = `
locked AS (
  SELECT * FROM subscriptions WHERE :tracksHealth::boolean AND id = ${SUBSCRIPTION} FOR UPDATE
), verdict AS (
  SELECT id,
         :circuitThreshold::int > 0 AND (:probe::boolean OR (circuit_open_until IS NULL AND consecutive_failures + 1 >= :circuitThreshold::int)) AS opens,
         CASE
           WHEN status <> 'active' THEN NULL
           WHEN :goneReason::text IS NOT NULL THEN :goneReason::text
           WHEN failing_since < now() - make_interval(secs => :disableAfterHours::float8 * 3600)
             THEN 'every attempt failed since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
         END AS disable_reason
    FROM locked
), updated AS (
  UPDATE subscriptions s
     SET failing_since = COALESCE(s.failing_since, now()),
         consecutive_failures = s.consecutive_failures + 1,
         circuit_open_until = CASE WHEN v.opens THEN now() + make_interval(secs => :cooldownSeconds::float8) ELSE s.circuit_open_until END,
         circuit_trips = CASE WHEN v.opens THEN s.circuit_trips + 1 ELSE s.circuit_trips END,
         throttled_until = GREATEST(s.throttled_until, now() + make_interval(secs => :throttleSeconds::float8)),
         throttle_strikes = s.throttle_strikes + CASE WHEN :throttleSeconds::float8 IS NOT NULL THEN 1 ELSE 0 END,
         status = CASE WHEN v.disable_reason IS NOT NULL THEN 'disabled' ELSE s.status END,
         disabled_reason = COALESCE(v.disable_reason, s.disabled_reason),
         updated_at = CASE WHEN v.disable_reason IS NOT NULL THEN now() ELSE s.updated_at END
    FROM verdict v
   WHERE s.id = v.id
  RETURNING v.disable_reason,
            CASE WHEN s.circuit_open_until > now()
                 THEN LEAST(s.circuit_open_until, now() + make_interval(secs => :cooldownSeconds::float8)) END AS reopening
), health AS (
  SELECT disable_reason AS "disabledReason", reopening + (reopening - now()) * :spread::float8 AS until FROM updated
)`;

/**
 * The circuit closed: wakes the deliveries waiting on it, oldest first, so a recovered endpoint gets its backlog
 * now rather than one cooldown later. A delivery missed (worker stopped half-way) comes back when its deferral
 * ends. Deliveries waiting on their own retry schedule ignore the signal.
 */
export async function wakeDeferred(db: DataSource, dispatch: DeliveryDispatch, log: ActivityLog, subscriptionId: string): Promise<number> {
  const rows: { id: string }[] = await db
    .query(`SELECT id FROM deliveries WHERE subscription_id = $1 AND status = 'retrying' AND next_attempt_at > now() ORDER BY id`, [
      subscriptionId,
    ])
    .catch((err: Error) => {
      log.warn({ msg: `finding the deliveries waiting on the circuit failed: ${err.message}`, subscriptionId });
      return [];
    });
  await dispatch.signal(
    rows.map((r) => r.id),
    circuitClosedSignal,
  );
  if (rows.length) log.log({ msg: `circuit closed: woke ${rows.length} waiting deliveries`, subscriptionId });
  return rows.length;
}
