export { HookrelayClient, type HookrelayClientOptions, type SendOptions } from './hookrelay-client.js';
export { HookrelayConnectionError, HookrelayError, type FieldError, type Problem } from './hookrelay-error.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retrying-fetch.js';
export type * from './models.js';
export type { components, operations, paths } from './openapi-types.js';
