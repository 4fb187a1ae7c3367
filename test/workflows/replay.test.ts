import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { installRuntime } from '../../src/temporal/temporal.connection.js';
import { workflowCodeOption } from '../../src/temporal/workflow-bundle.js';
import * as workflows from '../../workflows/index.js';

// Histories recorded by earlier workflow code (record-histories.ts); today's code must replay each one to the
// same commands, or workflows already running when it is deployed would fail with nondeterminism.
const DIR = fileURLToPath(new URL('../../../test/workflows/histories/', import.meta.url));

const load = (file: string) => proto.temporal.api.history.v1.History.decode(readFileSync(DIR + file));

describe('workflows replay histories recorded by earlier code', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.history.bin'));

  it('has recorded histories to replay', () => assert.ok(files.length >= 10, `found ${files.length}`));

  it('has recorded histories of every workflow type the worker runs', () => {
    const recorded = new Set(files.map((f) => load(f).events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    for (const type of Object.keys(workflows)) assert.ok(recorded.has(type), `no recorded history of workflow type ${type}`);
  });

  for (const file of files) {
    it(`replays ${file}`, async () => {
      installRuntime();
      await Worker.runReplayHistory(workflowCodeOption(), load(file), `replayed-${file}`);
    });
    // A worker that traces runs the same workflows with OpenTelemetry's interceptors: they add no commands.
    it(`replays ${file} with the tracing interceptors`, async () => {
      installRuntime();
      const sinks = { exporter: { export: { fn: () => undefined } } };
      await Worker.runReplayHistory({ ...workflowCodeOption(true), sinks }, load(file), `traced-${file}`);
    });
  }
});
