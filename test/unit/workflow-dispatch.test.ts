import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startOptions } from '../../src/dispatch/workflow-dispatch.js';
import { fairnessDynamicConfig, devServerArgs } from '../../src/temporal/dev-server.js';

describe('workflow starts', () => {
  const item = { id: 'dlv_1', tenantId: 'ten_a', subscriptionId: 'sub_1', eventType: 'invoice.paid', status: 'scheduled' };

  it('carry the tenant as fairness key, so the engine serves tenants in turn (activities inherit it)', () => {
    const options = startOptions({ taskQueue: 'webhooks', eager: false }, item);
    assert.deepEqual(options.priority, { fairnessKey: 'ten_a' });
    assert.equal(options.workflowId, 'delivery-dlv_1');
  });

  it('the embedded dev server turns task-queue fairness on', () => {
    const args = devServerArgs({ port: 7233, uiPort: 8233 }).join(' ');
    assert.equal(fairnessDynamicConfig['matching.enableFairness'], true);
    assert.match(args, /--dynamic-config-value matching\.enableFairness=true/);
    assert.match(args, /--dynamic-config-value matching\.numTaskqueueWritePartitions=1/);
  });
});
