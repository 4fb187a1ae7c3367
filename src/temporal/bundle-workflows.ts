// Build step: bundles workflows/ once, so every worker (and every test file) loads it instead of re-bundling.
import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowBundlePath, workflowsPath } from './workflow-bundle.js';

const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
writeFileSync(workflowBundlePath, code);
