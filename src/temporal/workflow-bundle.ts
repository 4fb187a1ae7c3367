import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from '@temporalio/worker';

/** Where the workflow code lives in dist/; the build writes a ready bundle beside it so workers start fast. */
export const workflowsPath = fileURLToPath(new URL('../../workflows/index.js', import.meta.url));
export const workflowBundlePath = fileURLToPath(new URL('../../workflow-bundle.js', import.meta.url));
/** The same workflows with OpenTelemetry's workflow interceptors, for workers that trace (see telemetry/). */
export const tracedWorkflowBundlePath = fileURLToPath(new URL('../../workflow-bundle-traced.js', import.meta.url));

/** Temporal's workflow interceptors for OpenTelemetry: spans inside the sandbox, context into activity headers. */
export const otelWorkflowInterceptorModules = [
  createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

type WorkflowCode = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'>;

/**
 * The bundle a worker runs: with the tracing interceptors only when it traces, so a worker without tracing runs
 * exactly the code it always did. Without a pre-built bundle (not built yet), the worker bundles at start.
 */
export function workflowCodeOption(traced = false): WorkflowCode {
  const bundle = traced ? tracedWorkflowBundlePath : workflowBundlePath;
  if (existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return traced ? { workflowsPath, interceptors: { workflowModules: otelWorkflowInterceptorModules } } : { workflowsPath };
}

/**
 * The hash of the workflow code this process runs (the plain bundle; the traced one wraps the same code), short:
 * two workers with the same hash make the same decisions for any history.
 */
export function workflowCodeHash(): string {
  const code = existsSync(workflowBundlePath) ? readFileSync(workflowBundlePath) : 'not bundled';
  return createHash('sha256').update(code).digest('hex').slice(0, 12);
}

/**
 * The worker's identity in Temporal (`pid@host`, as the SDK's default, plus the build and the workflow code's
 * hash): recorded on every workflow task it takes, so the history (and a nondeterminism failure in the UI) names
 * the version that ran it while old and new workers overlap during a rolling deploy.
 */
export function workerIdentity(buildId: string | undefined): string {
  const build = buildId ? `build ${buildId}, ` : '';
  return `${process.pid}@${hostname()} (${build}workflows ${workflowCodeHash()})`;
}
