import { hostname } from 'node:os';
import { HookrelayError, type HookrelayClient, type Subscription } from '../../clients/typescript/src/index.js';

/** The name `listen` gives its subscription, and finds it again by. */
export const listenSubscriptionName = (host = hostname()) => `hookrelay-listen-${host}`.slice(0, 200);

export interface ListenSubscription {
  subscription: Subscription;
  secret: string;
  reused: boolean;
}

/**
 * The subscription pointing at the relay: the one a previous `listen` on this host left (crashed, or kept with
 * --keep) pointed at the new URL with a fresh secret and resumed, so what it held comes through; else a new one.
 * The secret is needed to verify requests, and the service shows it only on create and rotate.
 */
export async function ensureListenSubscription(
  client: HookrelayClient,
  name: string,
  url: string,
  events: string[],
): Promise<ListenSubscription> {
  const existing = await findByName(client, name);
  if (!existing) {
    const created = await client.subscriptions.create({ name, url, events, ping: false });
    return { subscription: created, secret: sharedSecret(created.secret), reused: false };
  }
  await client.subscriptions.update(existing.id, { url, events, signature: { scheme: 'standard-webhooks' }, payloadFormat: 'envelope' });
  const { secret } = await client.subscriptions.rotateSecret(existing.id);
  const subscription =
    existing.status === 'active' ? await client.subscriptions.get(existing.id) : await client.subscriptions.resume(existing.id);
  return { subscription, secret: sharedSecret(secret), reused: true };
}

/** `listen` signs with standard-webhooks, whose secret the service shows on create and rotate (null: ed25519). */
function sharedSecret(secret: string | null): string {
  if (secret === null) throw new Error('the service showed no signing secret for a standard-webhooks subscription');
  return secret;
}

async function findByName(client: HookrelayClient, name: string): Promise<Subscription | undefined> {
  let cursor: string | undefined;
  do {
    const page = await client.subscriptions.list({ limit: 250, ...(cursor ? { cursor } : {}) });
    const found = page.data.find((s) => s.name === name);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return undefined;
}

/** Says what to change when the service refuses a loopback or plain-http URL (its network policy). */
export function refusedUrlHint(err: unknown): string | undefined {
  if (!(err instanceof HookrelayError) || err.status !== 422 || !err.errors.some((e) => e.field === 'url')) return undefined;
  return (
    'the service refuses to deliver to this machine. Start it with ALLOW_HTTP_TARGETS=true and ' +
    'ALLOWED_PRIVATE_CIDRS=127.0.0.0/8 (the embedded default, `npm start` with no TEMPORAL_ADDRESS, sets both).'
  );
}
