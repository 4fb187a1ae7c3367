import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { installRuntime } from '../../src/temporal/temporal.connection.js';
import { workflowCodeOption } from '../../src/temporal/workflow-bundle.js';

// Histories recorded by earlier workflow code (record-histories.ts); today's code must replay each one to the
// same commands, or workflows already running when it is deployed would fail with nondeterminism.
const DIR = fileURLToPath(new URL('../../../test/workflows/histories/', import.meta.url));

describe('deliver workflow replays histories recorded by earlier code', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.history.bin'));

  it('has recorded histories to replay', () => assert.ok(files.length >= 10, `found ${files.length}`));

  for (const file of files) {
    it(`replays ${file}`, async () => {
      installRuntime();
      const history = proto.temporal.api.history.v1.History.decode(readFileSync(DIR + file));
      await Worker.runReplayHistory(workflowCodeOption(), history, `delivery-${file}`);
    });
    // A worker that traces runs the same workflows with OpenTelemetry's interceptors: they add no commands.
    it(`replays ${file} with the tracing interceptors`, async () => {
      installRuntime();
      const history = proto.temporal.api.history.v1.History.decode(readFileSync(DIR + file));
      const sinks = { exporter: { export: { fn: () => undefined } } };
      await Worker.runReplayHistory({ ...workflowCodeOption(true), sinks }, history, `delivery-traced-${file}`);
    });
  }
});
