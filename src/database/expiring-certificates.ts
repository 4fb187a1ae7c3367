import type { StoredClientTls } from '../policy/client-certificate.js';
import type { Queryable } from './queryable.js';

export interface ExpiringCertificate {
  id: string;
  tenantId: string;
  clientTls: StoredClientTls;
}

/**
 * Marks the client certificates that end before `horizon` and have not been noticed yet, and returns them:
 * one statement that checks the state it expects, so of several api processes checking at once (or a write
 * and a periodic check) exactly one gets each certificate. A new certificate is written without the mark.
 * Run it in the transaction that writes the notices, so a mark never stands without its event.
 */
export async function claimExpiringCertificates(
  db: Queryable,
  horizon: Date,
  now: Date,
  subscriptionId: string | null = null,
): Promise<ExpiringCertificate[]> {
  // In a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
  return db.query(
    `WITH marked AS (
       UPDATE subscriptions
          SET client_tls = client_tls || jsonb_build_object('expiringNoticedAt', $2::text)
        WHERE client_tls IS NOT NULL AND deleted_at IS NULL
          AND client_tls->>'expiringNoticedAt' IS NULL
          AND (client_tls->>'expiresAt')::timestamptz <= $1::timestamptz
          AND ($3::text IS NULL OR id = $3)
        RETURNING id, tenant_id, client_tls
     ) SELECT id, tenant_id AS "tenantId", client_tls AS "clientTls" FROM marked`,
    [horizon.toISOString(), now.toISOString(), subscriptionId],
  ) as Promise<ExpiringCertificate[]>;
}
