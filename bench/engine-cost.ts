// Where a delivery's engine cost goes: B-temporal again, with what a delivery adds in Temporal and nothing else
// (its four search attributes and summary at start, the `DeliveryStatus` upsert at the end), in the same run.
// M2 over this figure is the share left to the service's own work (Postgres, HTTP, the api's start pump).
import type { Client } from '@temporalio/client';
import { MetricsService } from '../src/health/metrics.service.js';
import type { TestService } from '../test/helpers/service.js';
import { searchAttributes } from '../workflows/contracts.js';

export async function bareWithStatusRate(
  client: Client,
  taskQueue: string,
  n: number,
  concurrency: number,
  idPrefix: string,
): Promise<{ rate: number; historyEvents: number }> {
  const t0 = Date.now();
  const results: Promise<unknown>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const handle = await client.workflow.start('bareWithStatus', {
          taskQueue,
          workflowId: `${idPrefix}-${i}`,
          args: [Date.now()],
          requestEagerStart: true,
          typedSearchAttributes: [
            { key: searchAttributes.tenantId, value: 'ten_bench' },
            { key: searchAttributes.subscriptionId, value: 'sub_bench' },
            { key: searchAttributes.eventType, value: 'bench.m2' },
            { key: searchAttributes.deliveryStatus, value: 'scheduled' },
          ],
          staticSummary: 'bench.m2 to 127.0.0.1',
          staticDetails: 'subscription sub_bench',
        });
        results.push(handle.result());
      }
    }),
  );
  await Promise.all(results);
  const rate = n / ((Date.now() - t0) / 1000);
  const history = await client.workflow.getHandle(`${idPrefix}-0`).fetchHistory();
  return { rate, historyEvents: history.events?.length ?? NaN };
}

/** Attempts the worker deferred for want of a slot in its attempt share (`AttemptSlots`), in this process so far. */
export async function attemptsDeferred(svc: TestService): Promise<number> {
  return (await svc.app.get(MetricsService).attemptsDeferred.get()).values.reduce((n, v) => n + v.value, 0);
}
