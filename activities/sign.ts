import { buildPayload } from '../src/policy/payload.js';
import { signatureHeader, TIMESTAMP_HEADER } from '../src/policy/signing.js';
import type { DeliveryContext } from './delivery-context.js';

export const USER_AGENT = 'hookrelay/0.1 (+https://github.com/hookrelay/hookrelay)';

export interface SignedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Headers whose values are credentials whatever their names (the signature, headers marked secret): never captured in clear. */
  secretHeaders?: string[];
}

/** Secrets that sign this request: the current one, and the previous one while its rotation grace runs. */
export function signingSecrets(ctx: DeliveryContext, now: Date): string[] {
  const graceRunning = ctx.previousSecret && ctx.previousSecretExpiresAt && ctx.previousSecretExpiresAt > now;
  return graceRunning ? [ctx.secret, ctx.previousSecret!] : [ctx.secret];
}

/** Builds the exact bytes and headers of one attempt. The subscription's own headers never override ours. */
export function signRequest(ctx: DeliveryContext, attemptNumber: number, now = new Date(), authorization?: string): SignedRequest {
  const { body, contentType } =
    ctx.transformedBody !== undefined
      ? { body: ctx.transformedBody, contentType: 'application/json' }
      : buildPayload(
          ctx.payloadFormat,
          { id: ctx.eventId, type: ctx.eventType, occurredAt: new Date(ctx.occurredAt), dataText: ctx.eventDataText },
          ctx.account,
        );
  const timestampSeconds = Math.floor(now.getTime() / 1000);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers ?? {})) headers[name.toLowerCase()] = value;
  if (ctx.auth?.type === 'basic') {
    headers['authorization'] = 'Basic ' + Buffer.from(`${ctx.auth.username}:${ctx.auth.password}`).toString('base64');
  } else if (ctx.auth?.type === 'bearer') {
    headers['authorization'] = `Bearer ${ctx.auth.token}`;
  } else if (authorization) {
    // OAuth2: the token the worker fetched for this attempt (oauth2-tokens.ts).
    headers['authorization'] = authorization;
  }
  Object.assign(headers, {
    'content-type': contentType,
    'user-agent': USER_AGENT,
    'webhook-id': ctx.eventId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-event-type': ctx.eventType,
    'webhook-attempt': String(attemptNumber),
  });
  // The receiver needs the signed timestamp to verify; one clock for both headers, so they always agree.
  if (ctx.signatureTimestamped) headers[TIMESTAMP_HEADER] = String(timestampSeconds);
  const [name, value] = signatureHeader({
    scheme: ctx.signatureScheme,
    header: ctx.signatureHeader,
    timestamped: ctx.signatureTimestamped,
    secrets: signingSecrets(ctx, now),
    msgId: ctx.eventId,
    timestampSeconds,
    body,
  });
  headers[name] = value;
  return { url: ctx.url, body, headers, secretHeaders: [...(ctx.secretHeaderNames ?? []), name] };
}
