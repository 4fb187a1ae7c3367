import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { PURGE_WORKFLOW_TYPE, type PurgeInput } from '../../workflows/retention-contracts.js';
import { Config } from '../app-config.token.js';

export const retentionScheduleId = (taskQueue: string) => `retention-purge-${taskQueue}`;

/**
 * Keeps the retention purge on a Temporal schedule (visible, pausable and triggerable in the Temporal UI): every
 * hour a `purgeExpiredData` workflow, one at a time. Each worker start creates it or brings it to the current
 * RETENTION_DAYS and METADATA_RETENTION_DAYS; several workers share the one schedule.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  private readonly log = new Logger('RetentionSchedule');

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { taskQueue } = this.config.temporal;
    const input: PurgeInput = { retentionDays: this.config.retentionDays, metadataRetentionDays: this.config.metadataRetentionDays };
    const options = {
      scheduleId: retentionScheduleId(taskQueue),
      spec: { intervals: [{ every: '1 hour' }] },
      action: {
        type: 'startWorkflow',
        workflowType: PURGE_WORKFLOW_TYPE,
        taskQueue,
        args: [input],
        workflowId: `retention-purge-${taskQueue}`,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    } satisfies ScheduleOptions;
    try {
      await this.temporal.schedule.create(options);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) {
        this.log.warn(`the retention schedule could not be created (next worker start tries again): ${(err as Error).message}`);
        return;
      }
      await this.temporal.schedule
        .getHandle(options.scheduleId)
        .update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }))
        .catch((e: unknown) => this.log.warn(`the retention schedule could not be updated: ${(e as Error).message}`));
    }
    const metadata = this.config.metadataRetentionDays;
    this.log.log(
      `retention: payloads and response bodies older than ${this.config.retentionDays} days purged hourly; ${
        metadata === null
          ? 'events, deliveries and attempts kept'
          : `ended events older than ${metadata} days deleted with their deliveries and attempts`
      } (schedule ${options.scheduleId})`,
    );
  }
}
