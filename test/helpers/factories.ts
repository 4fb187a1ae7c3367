import type { TestService } from './service.js';

/** Creates an event type, failing the test loudly if the API refuses. */
export async function createEventType(svc: TestService, name: string, extra: Record<string, unknown> = {}) {
  const res = await svc.api('POST', '/v1/event-types', { name, ...extra });
  if (res.status !== 201) throw new Error(`creating event type ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createSubscription(svc: TestService, body: Record<string, unknown>) {
  const res = await svc.api('POST', '/v1/subscriptions', { ping: false, ...body });
  if (res.status !== 201) throw new Error(`creating subscription: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string } & Record<string, any>;
}

export async function sendEvent(svc: TestService, type: string, data: Record<string, unknown> = {}) {
  const res = await svc.api('POST', '/v1/events', { type, data });
  if (res.status !== 202) throw new Error(`sending ${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; deliveries: { id: string; subscriptionId: string; status: string }[] };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
