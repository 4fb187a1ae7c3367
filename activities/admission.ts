import type { DeferredBy } from '../workflows/contracts.js';
import type { Slot } from './attempt-slots.js';
import type { DeliveryContext } from './delivery-context.js';
import { claimSending, leaseMs, recordNoAttempt, recordWait, type Claim } from '../src/database/delivery-store/index.js';
import { isEnded, type EndState } from '../src/policy/delivery-states.js';
import type { ActivityDeps } from './deps.js';
import { admitToCircuit } from './endpoint-health.js';
import { admitFlow, awaitThrottle, hasFlowLimits } from './flow-control.js';

/** How often a delivery waiting for its FIFO predecessor looks again without being woken (a lost wake-up). */
const PREDECESSOR_RECHECK_MS = { min: 60_000, max: 600_000 };

/** Why the delivery may not be sent now, and for how long it waits, unsent (no attempt number used). */
export interface Wait {
  because: DeferredBy;
  delayMs: number;
  /** A signal may end the wait early (a place freed, a changed limit, the line's head ended). */
  wakeable?: true;
  /** The delivery waited for (its FIFO predecessor). */
  waitsFor?: string;
  /** The wait is the endpoint's circuit's: its closing may end it early. */
  circuitOpen?: true;
}

/**
 * What the gates decided: send now (holding a slot of the worker's attempts in flight, and the probe if the
 * circuit chose this attempt), wait, or stop without an attempt (the delivery is held or ended).
 */
export type Admission = { go: true; probe: boolean; slot: Slot } | { go: false; wait: Wait } | { go: false; stop: EndState | 'held' };

/** Whose `maxConcurrency` place this run took (it frees it, and wakes the next waiting, when it is done). */
export interface PlaceTaken {
  placeOf: string | null;
}

/**
 * The gates of one attempt, in order: the subscription (gone, paused or disabled), the FIFO predecessor, a
 * throttle, the circuit, the flow limits (rate, maxConcurrency), the row's claim, the worker's share. Each gate
 * that says "wait" has already recorded the wait on the row. Test sends pass only the claim and the share.
 */
export async function admit(deps: ActivityDeps, ctx: DeliveryContext, taken: PlaceTaken): Promise<Admission> {
  let probe = false;
  let flowClaim: Claim | undefined;
  if (ctx.kind !== 'test') {
    if (ctx.subscriptionDeleted) return stopUnsent(deps, ctx, 'cancelled');
    // Disabled holds like paused: nothing is dropped until a person resumes, cancels or deletes.
    if (ctx.subscriptionStatus !== 'active') return stopUnsent(deps, ctx, 'held');
    if (!ctx.predecessorEnded) return awaitPredecessor(deps, ctx);
    // Before the circuit: a throttled subscription claims no probe.
    if (ctx.throttleWaitMs !== null) return wait({ because: 'throttled', delayMs: await awaitThrottle(deps.db, ctx), wakeable: true });
    const circuit = await admitToCircuit(deps.db, deps.circuit, ctx);
    if (!circuit.go) return wait({ because: 'circuit', delayMs: circuit.delayMs, circuitOpen: true });
    probe = circuit.probe;
    // After the circuit: a slot taken by a delivery the circuit then held back would be lost to the others. The
    // probe, one attempt while nothing else goes, is not held up by the limits.
    if (!probe && hasFlowLimits(ctx)) {
      const flow = await admitFlow(deps.db, ctx);
      if (!flow.go) return wait({ because: flow.deferredBy, delayMs: flow.delayMs, wakeable: true });
      flowClaim = flow.claim;
      if (ctx.maxConcurrency !== null && flowClaim?.claimed) taken.placeOf = ctx.subscriptionId;
    }
  }
  if (!ctx.marked) {
    // The read could not mark the row: the circuit or the flow limits decided after it, a cancel ended it
    // meanwhile, or another run of this attempt (a re-run while the first is still in flight) holds it.
    const claim = flowClaim ?? (await claimSending(deps.db, ctx.deliveryId, ctx.timeoutMs));
    // Another run holds the row while its POST is out: wait for its outcome, then look again (same attempt number).
    if (!claim.claimed && claim.status === 'sending') return wait({ because: 'in-flight', delayMs: leaseMs(ctx.timeoutMs) });
    if (!claim.claimed) return { go: false, stop: isEnded(claim.status) ? claim.status : 'cancelled' };
  }
  const slot = deps.slots.tryAcquire(ctx.tenantId, ctx.subscriptionId, ctx.timeoutMs);
  if (!('release' in slot)) {
    // This tenant's (or subscription's) share of the worker's attempts is in flight: wait for it, unsent.
    await recordNoAttempt(deps.db, ctx.deliveryId, 'retrying', new Date(Date.now() + slot.retryInMs));
    return wait({ because: 'share', delayMs: slot.retryInMs });
  }
  return { go: true, probe, slot };
}

const wait = (w: Wait): Admission => ({ go: false, wait: w });

/** Ends (or holds) the delivery without an attempt. */
async function stopUnsent(deps: ActivityDeps, ctx: DeliveryContext, status: 'cancelled' | 'held'): Promise<Admission> {
  await recordNoAttempt(deps.db, ctx.deliveryId, status);
  return { go: false, stop: status };
}

/**
 * An earlier delivery of this one's FIFO line still holds it: wait, unsent, until the end of the last one wakes
 * this one. The timer is only a fallback for a lost wake-up: the line's head cannot end before its next attempt
 * unless it is cancelled, and a cancel wakes the next too.
 */
async function awaitPredecessor(deps: ActivityDeps, ctx: DeliveryContext): Promise<Admission> {
  const untilItsNextAttempt = (ctx.predecessorNextAttemptAt?.getTime() ?? 0) - Date.now();
  // A blocked line has no next attempt: it moves when a person redelivers or skips its head, which wakes the next.
  const delayMs = ctx.lineBlocked
    ? PREDECESSOR_RECHECK_MS.max
    : Math.min(Math.max(untilItsNextAttempt, PREDECESSOR_RECHECK_MS.min), PREDECESSOR_RECHECK_MS.max);
  const because = ctx.lineBlocked ? 'blocked-line' : 'predecessor';
  await recordWait(deps.db, ctx.deliveryId, because, new Date(Date.now() + delayMs), ctx.predecessorId!);
  return wait({ because, delayMs, wakeable: true, waitsFor: ctx.predecessorId! });
}
