import { Client } from '@temporalio/client';
import { retentionScheduleId } from '../../src/retention/retention-schedule.js';
import type { PurgeCounts } from '../../workflows/retention-contracts.js';
import { eventually } from './factories.js';
import type { TestService } from './service.js';

/** Runs the retention schedule now (as the UI's "trigger" does) and answers what the purge workflow it started purged. */
export async function purgeNow(svc: TestService): Promise<PurgeCounts> {
  const client = svc.app.get(Client);
  const schedule = client.schedule.getHandle(retentionScheduleId(svc.config.temporal.taskQueue));
  const runsBefore = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger();
  const action = await eventually(async () => (await schedule.describe()).info.recentActions[runsBefore], 30_000, 'the scheduled run');
  return client.workflow.getHandle(action.action.workflow.workflowId).result();
}
