import type { SubscriptionAuth } from '../subscriptions/subscription.entity.js';
import { validationFailed } from '../common/errors.js';
import type { StoredClientTls } from '../policy/client-certificate.js';
import { isCredentialHeader, MASK } from './credential-headers.js';
import { SecretBox } from './secret-box.js';

/** A header as written: its value, or a value marked secret (sealed and masked whatever its name). */
export type HeaderInput = string | { value: string; secret: true };

export interface SubscriptionSecrets {
  secret: string;
  previousSecret: string | null;
  auth: SubscriptionAuth | null;
  headers: Record<string, string>;
  clientTls: StoredClientTls | null;
}

type Transform = (value: string) => string;

/**
 * Headers as stored: a credential (by its name, or marked secret) sealed, anything else as written. Which stored
 * values are sealed is what marks them secret afterwards (SecretBox.isSealed).
 */
export const sealHeaders = (box: SecretBox, headers: Record<string, HeaderInput>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, sealHeader(box, name, h)]));

const sealHeader = (box: SecretBox, name: string, h: HeaderInput): string =>
  typeof h === 'object' ? box.seal(h.value) : isCredentialHeader(name) ? box.seal(h) : h;

/**
 * Headers as written by a create or PATCH: a credential sent back as a read shows it (`****`) keeps its stored
 * value, so a client can write back what it read without knowing the secret. `****` where no credential of that
 * name is stored would be sent to the receiver literally, so it is refused, naming the header.
 */
export function sealHeadersKeepingMasked(
  box: SecretBox,
  headers: Record<string, HeaderInput>,
  stored: Record<string, string>,
): Record<string, string> {
  const storedSecret = new Map(secretHeaderNames(stored).map((name) => [name.toLowerCase(), stored[name]]));
  const errors = Object.entries(headers)
    .filter(([name, h]) => h === MASK && !storedSecret.has(name.toLowerCase()))
    .map(([name]) => ({
      field: `headers.${name}`,
      message: '`****` stands for a stored credential and this subscription has none under this name: send the value',
    }));
  if (errors.length) throw validationFailed(errors);
  return Object.fromEntries(
    Object.entries(headers).map(([name, h]) =>
      h === MASK ? [name, storedSecret.get(name.toLowerCase()) as string] : [name, sealHeader(box, name, h)],
    ),
  );
}

/** Stored headers that are credentials: sealed, or named like one (a plain value stored before the name rule grew). */
export const secretHeaderNames = (headers: Record<string, string>): string[] =>
  Object.entries(headers)
    .filter(([name, value]) => SecretBox.isSealed(value) || isCredentialHeader(name))
    .map(([name]) => name);

/** Stored headers as a read shows them: every credential masked. */
export const maskedHeaders = (headers: Record<string, string>): Record<string, string> => {
  const secret = new Set(secretHeaderNames(headers));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secret.has(name) ? MASK : value]));
};

function mapSecrets<T extends Partial<SubscriptionSecrets>>(s: T, f: Transform): T {
  const out = { ...s };
  if (s.secret !== undefined) out.secret = f(s.secret);
  if (s.previousSecret) out.previousSecret = f(s.previousSecret);
  if (s.auth) {
    const a = s.auth;
    out.auth =
      a.type === 'basic'
        ? { ...a, password: f(a.password) }
        : a.type === 'bearer'
          ? { ...a, token: f(a.token) }
          : { ...a, clientSecret: f(a.clientSecret) };
  }
  if (s.clientTls) out.clientTls = { ...s.clientTls, privateKey: f(s.clientTls.privateKey) };
  return out;
}

/** Seals the signing secrets and auth of a subscription for storage (headers: sealHeaders). */
export const sealSecrets = <T extends Partial<SubscriptionSecrets>>(box: SecretBox, s: T): T => mapSecrets(s, (v) => box.seal(v));

/** Opens what sealSecrets and sealHeaders sealed; used only where a request is built. */
export function openSecrets<T extends Partial<SubscriptionSecrets>>(box: SecretBox, s: T): T {
  const out = mapSecrets(s, (v) => box.open(v));
  if (s.headers) {
    out.headers = Object.fromEntries(Object.entries(s.headers).map(([k, v]) => [k, SecretBox.isSealed(v) ? box.open(v) : v]));
  }
  return out;
}
