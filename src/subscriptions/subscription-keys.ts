import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict } from '../common/errors.js';
import { newEd25519KeyPair } from '../policy/ed25519-keys.js';
import { previousKeyInGrace } from '../policy/jwks.js';
import { SecretBox } from '../secrets/secret-box.js';
import { sealHeadersKeepingMasked, sealSecrets, type HeaderInput } from '../secrets/subscription-secrets.js';
import type { StoredClientTls } from '../policy/client-certificate.js';
import type { SignatureScheme } from '../policy/signing.js';
import type { Subscription, SubscriptionAuth } from './subscription.entity.js';

export const newSecret = () => 'whsec_' + randomBytes(24).toString('base64');

/** New key material, sealed for storage, with what its caller is shown of it. */
export interface IssuedKey {
  /** The signing secret or ed25519 signing key, sealed. */
  sealed: string;
  /** ed25519: the key receivers verify with; null for a shared secret. */
  publicKey: string | null;
  /** The shared secret, shown once; never an ed25519 signing key (null). */
  shown: string | null;
}

/** A scheme change or a new scheme drops any previous key (its grace ends). */
export const NO_PREVIOUS_KEY = { previousSecret: null, previousPublicKey: null, previousSecretExpiresAt: null };

/**
 * A subscription's key material: new signing secrets and ed25519 key pairs, rotation with a grace, and the
 * sealing of its credentials (secret, auth, credential headers, client key) before they are stored. Clear text lives only
 * in what the caller is shown once.
 */
@Injectable()
export class SubscriptionKeys {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SecretBox) private readonly box: SecretBox,
  ) {}

  /** Key material for a scheme: a shared `whsec_` secret, or for ed25519 a signing key and its public key. */
  issue(scheme: SignatureScheme): IssuedKey {
    if (scheme !== 'ed25519') {
      const secret = newSecret();
      return { sealed: this.box.seal(secret), publicKey: null, shown: secret };
    }
    const pair = newEd25519KeyPair();
    return { sealed: this.box.seal(pair.secretKey), publicKey: pair.publicKey, shown: null };
  }

  sealAuth(auth: SubscriptionAuth | null): SubscriptionAuth | null {
    return sealSecrets(this.box, { auth }).auth ?? null;
  }

  /** `stored`: the headers being replaced, whose credentials a `****` written back keeps. */
  sealHeaders(headers: Record<string, HeaderInput>, stored: Record<string, string>): Record<string, string> {
    return sealHeadersKeepingMasked(this.box, headers, stored);
  }

  sealClientTls(clientTls: StoredClientTls | null): StoredClientTls | null {
    return sealSecrets(this.box, { clientTls }).clientTls ?? null;
  }

  /**
   * New key material of the subscription's scheme; with a grace, requests carry both signatures until it ends.
   * One statement: nothing else is written (a scheme change meanwhile makes it write nothing: a 409).
   */
  async rotate(tenantId: string, id: string, scheme: SignatureScheme, graceSeconds: number) {
    const key = this.issue(scheme);
    // A CTE, because TypeORM answers a bare UPDATE ... RETURNING with [rows, count], never an empty list.
    const rows: unknown[] = await this.db.query(
      `WITH rotated AS (
       UPDATE subscriptions
          SET previous_secret = CASE WHEN $4::float8 > 0 THEN secret END,
              previous_public_key = CASE WHEN $4::float8 > 0 THEN public_key END,
              previous_secret_expires_at = CASE WHEN $4::float8 > 0 THEN now() + make_interval(secs => $4::float8) END,
              secret = $3, public_key = $5, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL AND (public_key IS NULL) = ($5::text IS NULL)
        RETURNING id)
       SELECT id FROM rotated`,
      [tenantId, id, key.sealed, graceSeconds, key.publicKey],
    );
    if (rows.length === 0) throw conflict(`subscription ${id} changed its signature scheme meanwhile; rotate again`);
    return { secret: key.shown, ...(key.publicKey && { publicKey: key.publicKey }) };
  }

  /** The ed25519 key receivers verify with, and the previous one while a rotation grace runs. */
  publicKeyOf(sub: Subscription) {
    if (sub.publicKey === null)
      throw conflict(`subscription ${sub.id} signs with ${sub.signatureScheme}, a shared secret: it has no public key (only ed25519 has)`);
    const previous = previousKeyInGrace(
      { publicKey: sub.publicKey, previousPublicKey: sub.previousPublicKey, previousExpiresAt: sub.previousSecretExpiresAt },
      new Date(),
    );
    return {
      publicKey: sub.publicKey,
      previous: previous && { publicKey: previous.publicKey, expiresAt: previous.expiresAt.toISOString() },
    };
  }
}
