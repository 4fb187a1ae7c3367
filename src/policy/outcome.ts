/** Why an attempt got no HTTP answer (or was not sent). */
export type AttemptErrorType = 'timeout' | 'connection' | 'dns' | 'tls' | 'blocked' | 'redirect' | 'auth' | 'transform' | 'internal';

/** What happened on the wire during one attempt. */
export interface AttemptResponse {
  statusCode: number | null;
  errorType: AttemptErrorType | null;
}

/** What the service does about it: done, try again later, or stop and disable the subscription. */
export type AttemptVerdict = 'succeeded' | 'retry' | 'gone';

export function classifyAttempt(response: AttemptResponse): AttemptVerdict {
  const { statusCode, errorType } = response;
  if (errorType === null && statusCode !== null) {
    if (statusCode >= 200 && statusCode < 300) return 'succeeded';
    if (statusCode === 410) return 'gone';
  }
  return 'retry';
}

/** Retry-After is honoured only where HTTP gives it that meaning for a retry. */
export const honoursRetryAfter = (statusCode: number | null) => statusCode === 429 || statusCode === 503;
