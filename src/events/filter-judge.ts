import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { KeyedTurns } from '../common/keyed-turns.js';
import { RateLimited, unavailable } from '../common/errors.js';
import {
  compiledFilterOf,
  EventFields,
  explainFilter,
  filterMatches,
  type Filter,
  type FilterSubject,
  type FilterVerdict,
} from '../policy/event-filter.js';
import { conditionsOf, eventCost, FILTER_BUDGET } from '../policy/filter-cost.js';
import type { FilterTask } from '../policy/filter-worker.js';

/**
 * Longest a worker may judge one event's filters. Within the budgets that is well under a second; past this the
 * machine is overloaded and the thread is stopped (the request answers 503, nothing written).
 */
export const FILTER_DEADLINE_MS = 10_000;

/**
 * Costly judgements of one tenant queued at most: past this the tenant's next costly event is `429` (its own
 * flood waits for it, nobody else).
 */
export const QUEUED_PER_TENANT = 16;

/**
 * Judges filters without holding the event loop. An event's filters are costed first (filter-cost.ts: exact,
 * from the lengths of the strings they read); cheap ones (nearly all) run here at once, costly ones on a
 * worker thread with a deadline, so a 250 KiB event meeting 50 patterns never stalls another tenant's request. A
 * tenant has one worker task at a time (its turn), so it never holds both threads while another tenant waits.
 * Worker threads, not chunking: one RE2 test of a long string cannot be cut into pieces.
 */
@Injectable()
export class FilterJudge implements OnApplicationShutdown {
  private readonly log = new Logger(FilterJudge.name);
  /** FILTER_DEADLINE_MS; a test shortens it. */
  deadlineMs = FILTER_DEADLINE_MS;
  private readonly turns = new KeyedTurns();
  private readonly queued = new Map<string, number>();
  private readonly pool = new Piscina<FilterTask, boolean[] | FilterVerdict>({
    filename: new URL('../policy/filter-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
  });

  /** Which filters hold for the event (null: no filter, it holds). */
  async matches(tenantId: string, filters: (Filter | null)[], type: string, data: unknown): Promise<boolean[]> {
    const fields = new EventFields(data);
    const tested = new Set<string>();
    const cost = filters.reduce((sum, f) => sum + eventCost(f, fields, type, tested), 0);
    if (cost <= FILTER_BUDGET.inline) {
      const subject: FilterSubject = { fields, type, patterns: new Map() };
      return filters.map((f) => filterMatches(compiledFilterOf(f), subject));
    }
    return (await this.offload(tenantId, { kind: 'select', filters, type, values: valuesRead(filters, fields) }, cost)) as boolean[];
  }

  /** One filter's verdict and its reason, judged as `matches` would. */
  async explain(tenantId: string, filter: Filter | null, type: string | undefined, data: unknown): Promise<FilterVerdict> {
    const fields = new EventFields(data);
    const cost = eventCost(filter, fields, type, new Set());
    if (cost <= FILTER_BUDGET.inline) return explainFilter(compiledFilterOf(filter), { fields, type, patterns: new Map() });
    return (await this.offload(
      tenantId,
      { kind: 'explain', filters: [filter], type, values: valuesRead([filter], fields) },
      cost,
    )) as FilterVerdict;
  }

  private async offload(tenantId: string, task: FilterTask, cost: number) {
    const queued = this.queued.get(tenantId) ?? 0;
    if (queued >= QUEUED_PER_TENANT) {
      throw new RateLimited(`${queued} costly events of this tenant are being judged against its filters; retry in a second.`, 1);
    }
    this.queued.set(tenantId, queued + 1);
    try {
      return await this.turns.run(tenantId, () => this.onWorker(task, cost));
    } finally {
      const left = (this.queued.get(tenantId) ?? 1) - 1;
      if (left) this.queued.set(tenantId, left);
      else this.queued.delete(tenantId);
    }
  }

  /** The deadline starts with the tenant's turn: its own queue is bounded above, not timed. */
  private async onWorker(task: FilterTask, cost: number) {
    const started = performance.now();
    try {
      return await this.pool.run(task, { signal: AbortSignal.timeout(this.deadlineMs) });
    } catch (err) {
      if ((err as Error).name !== 'AbortError' && (err as Error).name !== 'TimeoutError') throw err;
      this.log.warn(`filters of ${cost} units not judged within ${this.deadlineMs} ms: worker stopped`);
      throw unavailable(
        `The event's filters could not be judged within ${this.deadlineMs / 1000} s (the service is overloaded); nothing was written, retry later.`,
      );
    } finally {
      const ms = performance.now() - started;
      if (ms > 1000) this.log.warn(`filters of ${cost} units took ${Math.round(ms)} ms on a worker`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The (path, value) pairs the filters read: all a worker needs of the event. */
function valuesRead(filters: (Filter | null)[], fields: EventFields): [string, unknown][] {
  const paths = new Set<string>();
  for (const f of filters) for (const { key } of conditionsOf(f)) paths.add(key);
  return [...paths].map((p) => [p, fields.at(p)]);
}
