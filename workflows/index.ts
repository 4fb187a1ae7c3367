export { deliver } from './deliver.workflow.js';
