// Build step: bundles workflows/ once, so every worker (and every test file) loads it instead of re-bundling; a
// second bundle adds OpenTelemetry's workflow interceptors, for workers that trace.
import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { otelWorkflowInterceptorModules, tracedWorkflowBundlePath, workflowBundlePath, workflowsPath } from './workflow-bundle.js';

const logger = new DefaultLogger('WARN');
writeFileSync(workflowBundlePath, (await bundleWorkflowCode({ workflowsPath, logger })).code);
const traced = await bundleWorkflowCode({ workflowsPath, logger, workflowInterceptorModules: otelWorkflowInterceptorModules });
writeFileSync(tracedWorkflowBundlePath, traced.code);
