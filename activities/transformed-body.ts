import { runTransform, transformInput } from '../src/policy/transform.js';
import type { DeliveryContext } from './delivery-context.js';
import { unsent, type PostResult } from './post.js';

/**
 * Applies the subscription's transform (src/policy/transform.ts) before the request is signed: the signed and
 * sent body is its result. A transform that fails sends nothing: the attempt fails with error `transform`.
 */
export async function withTransform(ctx: DeliveryContext, send: (ctx: DeliveryContext) => Promise<PostResult>): Promise<PostResult> {
  if (ctx.transform === null) return send(ctx);
  if (ctx.payloadFormat === 'form') return unsent('transform', 'a transform does not apply to payloadFormat form');
  const started = performance.now();
  const input = transformInput(ctx.payloadFormat, {
    id: ctx.eventId,
    type: ctx.eventType,
    occurredAt: new Date(ctx.occurredAt),
    dataText: ctx.eventDataText,
  });
  const out = await runTransform(ctx.transform, input);
  if ('error' in out) return { ...unsent('transform', out.error), durationMs: Math.round(performance.now() - started) };
  return send({ ...ctx, transformedBody: out.body });
}
