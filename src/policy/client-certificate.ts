import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

/** A bad field, as the API names it (the shape of common/errors' FieldError). */
interface FieldProblem {
  field: string;
  message: string;
}

/** The operational event a certificate near its end raises (the shape of the workflow contracts' RaiseRequest). */
interface ExpiringNotice {
  tenantId: string;
  type: 'subscription.certificate_expiring';
  key: string;
  data: { subscriptionId: string; subject: string; expiresAt: string };
}

/** A subscription's client certificate as written: PEM strings. */
export interface ClientTlsInput {
  certificate: string;
  privateKey: string;
  serverCa?: string | null;
}

/** As stored: the private key sealed (SECRETS_KEY); subject and expiry kept so reads need not parse the PEM. */
export interface StoredClientTls {
  certificate: string;
  privateKey: string;
  serverCa: string | null;
  subject: string;
  expiresAt: string;
  /** When `subscription.certificate_expiring` was raised for this certificate; a new certificate starts without. */
  expiringNoticedAt?: string;
}

/** What a read shows: never the key, nor the PEM itself. */
export interface ClientTlsView {
  subject: string;
  expiresAt: string;
  serverCa: boolean;
}

/** A certificate closer than this to its end is shown as expiring (and raises `subscription.certificate_expiring`). */
export const EXPIRING_WITHIN_MS = 14 * 24 * 3600_000;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate of a PEM bundle, or null if there is none or one does not parse. */
function certificatesOf(pem: string): X509Certificate[] | null {
  const blocks = pem.match(PEM_CERTIFICATE);
  if (!blocks) return null;
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    return null;
  }
}

/** `CN=a, O=b` from node's one-line-per-part subject. */
const subjectOf = (cert: X509Certificate) => cert.subject.split('\n').join(', ');

/**
 * Whether a client certificate can be used: each PEM parses, the key (unencrypted) belongs to the first
 * certificate, which has not expired. Problems are named by field under `clientTls.`.
 */
export function clientTlsProblems(input: ClientTlsInput, now = new Date()): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const certs = certificatesOf(input.certificate);
  if (!certs) errors.push({ field: 'clientTls.certificate', message: 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)' });
  let key: KeyObject | null = null;
  try {
    key = createPrivateKey({ key: input.privateKey, format: 'pem' });
  } catch {
    errors.push({ field: 'clientTls.privateKey', message: 'must be an unencrypted PEM private key' });
  }
  if (certs && key && !certs[0].checkPrivateKey(key))
    errors.push({ field: 'clientTls.privateKey', message: 'does not belong to the certificate' });
  if (certs && new Date(certs[0].validTo).getTime() <= now.getTime())
    errors.push({ field: 'clientTls.certificate', message: `expired at ${new Date(certs[0].validTo).toISOString()}` });
  if (input.serverCa != null && !certificatesOf(input.serverCa))
    errors.push({ field: 'clientTls.serverCa', message: 'must be one or more PEM certificates' });
  return errors;
}

/** The stored form of a checked input, the key still in clear (the caller seals it). */
export function describeClientTls(input: ClientTlsInput): StoredClientTls {
  const cert = certificatesOf(input.certificate)![0];
  return {
    certificate: input.certificate,
    privateKey: input.privateKey,
    serverCa: input.serverCa ?? null,
    subject: subjectOf(cert),
    expiresAt: new Date(cert.validTo).toISOString(),
  };
}

/**
 * The `subscription.certificate_expiring` event a certificate within EXPIRING_WITHIN_MS of its end calls for, or
 * null. Its key names the certificate: raised once per certificate, however often the subscription is written.
 */
export function expiringNotice(
  tenantId: string,
  subscriptionId: string,
  tls: StoredClientTls | null,
  now = new Date(),
): ExpiringNotice | null {
  if (!tls || Date.parse(tls.expiresAt) - now.getTime() > EXPIRING_WITHIN_MS) return null;
  const fingerprint = createHash('sha256').update(tls.certificate).digest('hex').slice(0, 32);
  return {
    tenantId,
    type: 'subscription.certificate_expiring',
    key: `subscription.certificate_expiring:${subscriptionId}:${fingerprint}`,
    data: { subscriptionId, subject: tls.subject, expiresAt: tls.expiresAt },
  };
}

export const clientTlsView = (stored: StoredClientTls | null): ClientTlsView | null =>
  stored && { subject: stored.subject, expiresAt: stored.expiresAt, serverCa: stored.serverCa !== null };
