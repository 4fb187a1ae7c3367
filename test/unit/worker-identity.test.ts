import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, it } from 'node:test';
import { workerIdentity, workflowCodeHash } from '../../src/temporal/workflow-bundle.js';

// The identity a worker gives Temporal is recorded on every workflow task it takes: during a rolling deploy it
// tells which build (and which workflow code) ran each step of a history.
describe('worker identity', () => {
  it('names the process, the build and the hash of the workflow code', () => {
    const hash = workflowCodeHash();
    assert.match(hash, /^[0-9a-f]{12}$/);
    assert.equal(workerIdentity('v1.4.2'), `${process.pid}@${hostname()} (build v1.4.2, workflows ${hash})`);
  });

  it('without WORKER_BUILD_ID, the hash alone', () => {
    assert.equal(workerIdentity(undefined), `${process.pid}@${hostname()} (workflows ${workflowCodeHash()})`);
  });
});
