import type { SubscriptionAuth } from '../subscriptions/subscription.entity.js';
import type { SecretBox } from './secret-box.js';

/** Header names whose values are credentials: sealed at rest, masked in every read. */
export const SENSITIVE_HEADER = /^(authorization|cookie|proxy-authorization|.*-token|.*-key|.*-secret)$/i;

export interface SubscriptionSecrets {
  secret: string;
  previousSecret: string | null;
  auth: SubscriptionAuth | null;
  headers: Record<string, string>;
}

type Transform = (value: string) => string;

function mapSecrets<T extends Partial<SubscriptionSecrets>>(s: T, f: Transform): T {
  const out = { ...s };
  if (s.secret !== undefined) out.secret = f(s.secret);
  if (s.previousSecret) out.previousSecret = f(s.previousSecret);
  if (s.auth) {
    out.auth = s.auth.type === 'basic' ? { ...s.auth, password: f(s.auth.password) } : { ...s.auth, token: f(s.auth.token) };
  }
  if (s.headers) {
    out.headers = Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? f(v) : v]));
  }
  return out;
}

/** Seals every credential of a subscription (signing secrets, auth, sensitive headers) for storage. */
export const sealSecrets = <T extends Partial<SubscriptionSecrets>>(box: SecretBox, s: T): T => mapSecrets(s, (v) => box.seal(v));

/** Opens what sealSecrets sealed; used only where a request is built. */
export const openSecrets = <T extends Partial<SubscriptionSecrets>>(box: SecretBox, s: T): T => mapSecrets(s, (v) => box.open(v));
