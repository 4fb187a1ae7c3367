export { deliver } from './deliver.workflow.js';
export { purgeExpiredData } from './purge.workflow.js';
export { replay } from './replay.workflow.js';
