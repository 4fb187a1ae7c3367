/**
 * One log line: a message, or a message (`msg`) with its ids as fields of their own (`deliveryId`,
 * `subscriptionId`, `tenantId`), so a log search filters on the field instead of parsing the text.
 */
export type LogLine = string | { msg: string; deliveryId?: string; subscriptionId?: string; tenantId?: string };
