/**
 * Header names whose values may be credentials: sealed at rest, masked in every read and in attempt captures.
 * Deliberately broad (a part of the name is enough: `x-apikey`, `api_key`, `x-auth`, `session-id`,
 * `webhook-signature`); masking a harmless value costs little, showing a credential costs a lot. Any other header
 * is made secret with `{ "value": ..., "secret": true }` when written.
 */
const CREDENTIAL_NAME = /auth|token|secret|passw|pwd|key|credential|signature|session|cookie|jwt|bearer|private|cert/i;

export const isCredentialHeader = (name: string): boolean => CREDENTIAL_NAME.test(name);

export const MASK = '****';
