import { Injectable } from '@nestjs/common';

/** Temporal worker states (Worker.getState()) in which a worker that was not asked to stop is dead. */
const DEAD = new Set(['FAILED', 'STOPPED', 'STOPPING', 'DRAINING', 'DRAINED']);

/** Where the process stands for its probes: draining after a SIGTERM, and the state of its Temporal worker. */
@Injectable()
export class Lifecycle {
  private drainingSince: number | null = null;
  private workerState?: () => string | undefined;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** From now on /ready answers 503, so load balancers stop sending before the listener closes. */
  drain(): void {
    this.drainingSince ??= Date.now();
  }

  watchWorker(state: () => string | undefined): void {
    this.workerState = state;
  }

  /** Why the process should be restarted (its Temporal worker died), or null when it is alive. */
  deadWorker(): string | null {
    const state = this.workerState?.();
    if (state === undefined || this.draining) return null;
    return DEAD.has(state) ? `the Temporal worker is ${state.toLowerCase()}` : null;
  }
}
