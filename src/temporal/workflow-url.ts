import type { AppConfig } from '../config.js';

/** Where a workflow is shown in the Temporal Web UI. */
export function workflowUrl(temporal: AppConfig['temporal'], workflowId: string): string {
  return `${temporal.uiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
