import { Inject, Injectable } from '@nestjs/common';
import { workflowUrl } from '../temporal/workflow-url.js';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, In, LessThan, type FindOptionsWhere } from 'typeorm';
import { REPLAY_WORKFLOW_TYPE, replayWorkflowId, type ReplayInput } from '../../workflows/replay-contracts.js';
import { Config } from '../app-config.token.js';
import { conflict, notFound, unavailable, validationFailed } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { Delivery } from '../deliveries/delivery.entity.js';
import { Replay } from './replay.entity.js';
import { replayView, type CreateReplayInput, type ListReplaysQuery } from './replay.dto.js';
import { toPage } from '../common/pagination.js';
import { DRY_RUN_COUNT_CAP, dryRunCountSql, hasFilter, replaySelection, type ReplayFilters } from '../database/replay-selection.js';

const SAMPLE = 10;

/** Workflow states after which a replay still `running` in its row will never go on. */
const DEAD_ENDS = new Set(['TERMINATED', 'FAILED', 'CANCELLED', 'TIMED_OUT']);

@Injectable()
export class ReplaysService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
  ) {}

  /**
   * What a replay made now would do: how many deliveries it names (up to DRY_RUN_COUNT_CAP, `countCapped` when
   * there are more), would send and would skip, and a sample.
   */
  async dryRun(tenantId: string, input: CreateReplayInput) {
    const { dryRun: _, ...filters } = input;
    requireFilter(filters);
    const cut = await this.cutOf(filters);
    const sel = replaySelection(tenantId, filters, cut);
    const [[counts], sampled] = await Promise.all([
      this.db.query<
        { capped: boolean; count: number; alreadyResent: number; purged: number; subscriptionDeleted: number; wouldSend: number }[]
      >(dryRunCountSql(sel.sql, DRY_RUN_COUNT_CAP), sel.params),
      this.db.query<{ id: string }[]>(`SELECT d.id FROM deliveries d WHERE ${sel.sql} ORDER BY d.id DESC LIMIT ${SAMPLE}`, sel.params),
    ]);
    const sample = await this.db.getRepository(Delivery).find({ where: { id: In(sampled.map((r) => r.id)) }, order: { id: 'DESC' } });
    return {
      dryRun: true as const,
      count: counts.count,
      countCapped: counts.capped,
      wouldSend: counts.wouldSend,
      wouldSkip: { alreadyResent: counts.alreadyResent, purged: counts.purged, subscriptionDeleted: counts.subscriptionDeleted },
      kind: filters.kind ?? 'event',
      includesCancelled: filters.status === 'cancelled',
      createdBefore: cut.toISOString(),
      sample: sample.map((d) => this.deliveries.view(d)),
    };
  }

  /**
   * A replay of every delivery the filters name, created before now (or `until`), run by its own workflow. The
   * same `Idempotency-Key` answers the first replay (`created: false`), and a different body with it is a 409.
   */
  async create(tenantId: string, input: CreateReplayInput, idempotencyKey: string | undefined) {
    const { dryRun: _, ...filters } = input;
    requireFilter(filters);
    if (idempotencyKey) {
      const existing = await this.db.getRepository(Replay).findOneBy({ tenantId, idempotencyKey });
      if (existing) return { created: false, replay: this.sameRequest(existing, filters) };
    }
    const cut = await this.cutOf(filters);
    const sel = replaySelection(tenantId, filters, cut);
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM deliveries d WHERE ${sel.sql}`,
      sel.params,
    );
    const id = newId('rpl');
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO replays (id, tenant_id, idempotency_key, filters, created_before, status, total)
       VALUES ($1, $2, $3, $4, $5, 'running', $6)
       ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
      [id, tenantId, idempotencyKey ?? null, JSON.stringify(filters), cut, total],
    );
    if (inserted.length === 0) {
      // Another request with the same key won the race.
      const existing = await this.db.getRepository(Replay).findOneByOrFail({ tenantId, idempotencyKey: idempotencyKey! });
      return { created: false, replay: this.sameRequest(existing, filters) };
    }
    await this.start(id);
    return { created: true, replay: await this.get(tenantId, id) };
  }

  /** A replay still running with exactly these filters (a repeated recover joins it rather than start another). */
  async running(tenantId: string, filters: ReplayFilters) {
    const [row]: { id: string }[] = await this.db.query(
      `SELECT id FROM replays WHERE tenant_id = $1 AND status = 'running' AND filters = $2::jsonb ORDER BY id LIMIT 1`,
      [tenantId, JSON.stringify(filters)],
    );
    return row ? this.get(tenantId, row.id) : null;
  }

  /**
   * The replay's progress. One still `running` whose workflow ended without finishing (an operator terminated it,
   * say) can never go on: it is recorded `failed` here, so it does not show `running` forever.
   */
  async get(tenantId: string, id: string) {
    let replay = await this.db.getRepository(Replay).findOneBy({ tenantId, id });
    if (!replay) throw notFound('replay', id);
    if (replay.status === 'running' && (await this.workflowDeadEnded(id))) {
      await this.db.query(
        `UPDATE replays SET status = 'failed', completed_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'`,
        [id],
      );
      replay = await this.db.getRepository(Replay).findOneByOrFail({ tenantId, id });
    }
    return this.view(replay);
  }

  /**
   * The tenant's replays, newest first. Rows are shown as stored: a `running` one whose workflow died shows
   * `failed` once it is read by id (GET /v1/replays/:id), not here, so a page costs no call to Temporal per row.
   */
  async list(tenantId: string, q: ListReplaysQuery) {
    const where: FindOptionsWhere<Replay> = { tenantId };
    if (q.status) where.status = q.status;
    if (q.cursor) where.id = LessThan(q.cursor);
    const rows = await this.db.getRepository(Replay).find({ where, order: { id: 'DESC' }, take: q.limit + 1 });
    const page = toPage(rows, q.limit);
    return { data: page.data.map((r) => this.view(r)), nextCursor: page.nextCursor };
  }

  /**
   * Stops a running replay: it makes no more redeliveries (its workflow finds it cancelled at its next batch);
   * those already made go on as any delivery does (cancel them one by one if need be). A repeat answers the same.
   */
  async cancel(tenantId: string, id: string) {
    const replay = await this.db.getRepository(Replay).findOneBy({ tenantId, id });
    if (!replay) throw notFound('replay', id);
    await this.db.query(
      `UPDATE replays SET status = 'cancelled', completed_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'`,
      [id],
    );
    const now = await this.db.getRepository(Replay).findOneByOrFail({ tenantId, id });
    if (now.status !== 'cancelled') throw conflict(`Replay ${id} already ended ${now.status}.`);
    return this.view(now);
  }

  /** The replay's workflow is closed without having finished it (terminated, failed, timed out, or gone). */
  private async workflowDeadEnded(id: string): Promise<boolean> {
    try {
      const { status } = await this.temporal.workflow.getHandle(replayWorkflowId(id)).describe();
      return DEAD_ENDS.has(status.name);
    } catch (err) {
      // Not found: never started or long gone. Anything else (Temporal unreachable) says nothing.
      return err instanceof WorkflowNotFoundError;
    }
  }

  /** The time cut, by Postgres's clock (the clock of `created_at`): the request's `until`, or now if earlier. */
  private async cutOf(filters: ReplayFilters): Promise<Date> {
    const [{ cut }]: { cut: Date }[] = await this.db.query(`SELECT LEAST(coalesce($1::timestamptz, now()), now()) AS cut`, [
      filters.until ?? null,
    ]);
    return cut;
  }

  private async start(id: string): Promise<void> {
    const input: ReplayInput = { replayId: id };
    try {
      await this.temporal.workflow.start(REPLAY_WORKFLOW_TYPE, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: replayWorkflowId(id),
        args: [input],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      // Not started, so not made: the client may simply try again.
      await this.db.query(`DELETE FROM replays WHERE id = $1`, [id]);
      throw unavailable(`the replay could not be started (${(err as Error).message}); nothing was replayed, try again`);
    }
  }

  private sameRequest(existing: Replay, filters: ReplayFilters) {
    if (JSON.stringify(sorted(existing.filters)) !== JSON.stringify(sorted(filters)))
      throw conflict(`Idempotency-Key was used for replay ${existing.id} with other filters`);
    return this.view(existing);
  }

  private view(r: Replay) {
    const workflowId = replayWorkflowId(r.id);
    return replayView(r, { workflowId, temporalUrl: workflowUrl(this.config.temporal, workflowId) });
  }
}

/** A replay with no filter at all would send every delivery the tenant ever had: refused. */
function requireFilter(filters: ReplayFilters): void {
  if (!hasFilter(filters))
    throw validationFailed(
      [
        {
          field: '(body)',
          message:
            'a replay needs at least one filter (status, kind, eventType, subscriptionId, since, until, statusCode); with none it would send every delivery the tenant ever had',
        },
      ],
      'A replay with no filter is refused.',
    );
}

const sorted = (o: object) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
