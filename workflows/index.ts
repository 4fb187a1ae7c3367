export { deliver } from './deliver.workflow.js';
export { purgeExpiredData } from './purge.workflow.js';
