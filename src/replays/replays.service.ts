import { Inject, Injectable } from '@nestjs/common';
import { workflowUrl } from '../temporal/workflow-url.js';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { REPLAY_WORKFLOW_TYPE, replayWorkflowId, type ReplayInput } from '../../workflows/replay-contracts.js';
import { Config } from '../app-config.token.js';
import { conflict, notFound, unavailable } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { deliveryWhere } from '../deliveries/delivery-filters.js';
import { Delivery } from '../deliveries/delivery.entity.js';
import { Replay } from './replay.entity.js';
import { replayView, type CreateReplayInput } from './replay.dto.js';

const SAMPLE = 10;

@Injectable()
export class ReplaysService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
  ) {}

  /** How many deliveries the filters name and a sample of them: nothing is written. */
  async dryRun(tenantId: string, input: CreateReplayInput) {
    const { dryRun: _, ...filters } = input;
    const where = deliveryWhere(tenantId, filters);
    const repo = this.db.getRepository(Delivery);
    const [count, sample] = await Promise.all([repo.count({ where }), repo.find({ where, order: { id: 'DESC' }, take: SAMPLE })]);
    return { dryRun: true as const, count, sample: sample.map((d) => this.deliveries.view(d)) };
  }

  /**
   * A replay of every delivery the filters name, created before now (or `until`), run by its own workflow. The
   * same `Idempotency-Key` answers the first replay (`created: false`), and a different body with it is a 409.
   */
  async create(tenantId: string, input: CreateReplayInput, idempotencyKey: string | undefined) {
    const { dryRun: _, ...filters } = input;
    if (idempotencyKey) {
      const existing = await this.db.getRepository(Replay).findOneBy({ tenantId, idempotencyKey });
      if (existing) return { created: false, replay: this.sameRequest(existing, filters) };
    }
    const now = new Date();
    const createdBefore = filters.until && Date.parse(filters.until) < now.getTime() ? new Date(filters.until) : now;
    const total = await this.db
      .getRepository(Delivery)
      .count({ where: deliveryWhere(tenantId, { ...filters, until: createdBefore.toISOString() }) });
    const id = newId('rpl');
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO replays (id, tenant_id, idempotency_key, filters, created_before, status, total)
       VALUES ($1, $2, $3, $4, $5, 'running', $6)
       ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
      [id, tenantId, idempotencyKey ?? null, JSON.stringify(filters), createdBefore, total],
    );
    if (inserted.length === 0) {
      // Another request with the same key won the race.
      const existing = await this.db.getRepository(Replay).findOneByOrFail({ tenantId, idempotencyKey: idempotencyKey! });
      return { created: false, replay: this.sameRequest(existing, filters) };
    }
    await this.start(id);
    return { created: true, replay: await this.get(tenantId, id) };
  }

  async get(tenantId: string, id: string) {
    const replay = await this.db.getRepository(Replay).findOneBy({ tenantId, id });
    if (!replay) throw notFound('replay', id);
    return this.view(replay);
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

  private sameRequest(existing: Replay, filters: Omit<CreateReplayInput, 'dryRun'>) {
    if (JSON.stringify(sorted(existing.filters)) !== JSON.stringify(sorted(filters)))
      throw conflict(`Idempotency-Key was used for replay ${existing.id} with other filters`);
    return this.view(existing);
  }

  private view(r: Replay) {
    const workflowId = replayWorkflowId(r.id);
    return replayView(r, { workflowId, temporalUrl: workflowUrl(this.config.temporal, workflowId) });
  }
}

const sorted = (o: object) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
