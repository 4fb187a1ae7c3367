import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from '@temporalio/worker';

/** Where the workflow code lives in dist/; the build writes a ready bundle beside it so workers start fast. */
export const workflowsPath = fileURLToPath(new URL('../../workflows/index.js', import.meta.url));
export const workflowBundlePath = fileURLToPath(new URL('../../workflow-bundle.js', import.meta.url));

export function workflowCodeOption(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(workflowBundlePath) ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath };
}
