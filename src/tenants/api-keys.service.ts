import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { generateApiKey } from '../config.js';
import { hashApiKey } from '../auth/api-key.hash.js';
import { KeyDirectory } from '../auth/key-directory.js';
import { FULL_TENANT_SCOPES, type Scope } from '../policy/scopes.js';
import { conflict, notFound, validationFailed } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { ApiKey } from './api-key.entity.js';

export interface NewKey {
  /** Undefined: every tenant scope (stored as null, so the key keeps every scope added later too). */
  scopes?: readonly Scope[];
  expiresAt?: string;
  /** The key making it (`admin`: ADMIN_API_KEY); undefined: made by the service itself (BOOTSTRAP_API_KEY). */
  createdBy?: string;
  /** When the maker stops (epoch ms; null: never): the new key stops then at the latest. */
  makerExpiresAt?: number | null;
}

/**
 * API keys of tenants and operator keys (`tenantId` null: they belong to no tenant). Stored as SHA-256 hashes
 * only; the clear key exists in the create answer and nowhere else.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(KeyDirectory) private readonly keys: KeyDirectory,
  ) {}

  async create(tenantId: string | null, input: NewKey = {}) {
    const expiresAt = keyExpiry(input.expiresAt, input.makerExpiresAt ?? null);
    const apiKey = generateApiKey();
    const repo = this.db.getRepository(ApiKey);
    const key = repo.create({
      id: newId('key'),
      tenantId,
      keyHash: hashApiKey(apiKey),
      scopes: input.scopes ? [...new Set(input.scopes)] : null,
      expiresAt,
      createdBy: input.createdBy ?? null,
      revokedAt: null,
    });
    await repo.insert(key);
    const saved = await repo.findOneByOrFail({ id: key.id });
    return { ...this.view(saved), apiKey };
  }

  async list(tenantId: string | null) {
    const keys = await this.db.getRepository(ApiKey).find({ where: { tenantId: tenantId ?? IsNull() }, order: { id: 'DESC' } });
    return { data: keys.map((k) => ({ ...this.view(k), revokedAt: k.revokedAt?.toISOString() ?? null })), nextCursor: null };
  }

  /** Effective at once here; elsewhere as soon as the change feed says so, and ingestion checks the key itself. */
  async revoke(tenantId: string | null, id: string, usedKeyId?: string): Promise<void> {
    // Revoking the key of this very request would lock the caller out; use another key for that.
    if (id === usedKeyId) throw conflict('This request was made with that key; revoke it with another key of the tenant.');
    const touched = await this.db.transaction(async (tx) => {
      const result = await tx
        .getRepository(ApiKey)
        .update({ tenantId: tenantId ?? IsNull(), id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) {
        // Revoking twice is harmless (and finishes a cascade); only a key that is not there at all is a 404.
        const exists = await tx.getRepository(ApiKey).existsBy({ tenantId: tenantId ?? IsNull(), id });
        if (!exists) throw notFound(tenantId ? 'API key' : 'operator key', id);
      }
      // An operator key's grants to tenants end with it: the keys it made for them, and the keys those made. A
      // tenant's own key does not cascade, so that a tenant can rotate (make the new key with the old, revoke the old).
      if (tenantId !== null) return [];
      // The UPDATE in a CTE: TypeORM answers a statement whose command is UPDATE with [rows, count], not rows.
      const made: { tenantId: string | null }[] = await tx.query(
        `WITH RECURSIVE made AS (
           SELECT id FROM api_keys WHERE created_by = $1
           UNION
           SELECT k.id FROM api_keys k JOIN made m ON k.created_by = m.id
         ), revoked AS (
           UPDATE api_keys SET revoked_at = now()
            WHERE id IN (SELECT id FROM made) AND revoked_at IS NULL
           RETURNING tenant_id
         )
         SELECT tenant_id AS "tenantId" FROM revoked`,
        [id],
      );
      return made.map((k) => k.tenantId ?? id);
    });
    // KeyDirectory files an operator key under its own id (as the change feed names it).
    for (const owner of new Set([tenantId ?? id, ...touched])) this.keys.forgetTenant(owner);
  }

  private view(k: ApiKey) {
    return {
      id: k.id,
      scopes: k.scopes ?? [...FULL_TENANT_SCOPES],
      expiresAt: k.expiresAt?.toISOString() ?? null,
      createdBy: k.createdBy,
      createdAt: k.createdAt.toISOString(),
    };
  }
}

/**
 * A key never outlives the key that made it: without `expiresAt` it stops when its maker does; asking for later
 * is a 422 rather than a silent cut, so the caller learns the date it will really get.
 */
function keyExpiry(asked: string | undefined, makerExpiresAt: number | null): Date | null {
  if (asked === undefined) return makerExpiresAt === null ? null : new Date(makerExpiresAt);
  const at = new Date(asked);
  if (makerExpiresAt !== null && at.getTime() > makerExpiresAt) {
    const limit = new Date(makerExpiresAt).toISOString();
    throw validationFailed(
      [{ field: 'expiresAt', message: `must not be later than ${limit}, when the key making it expires` }],
      `A key cannot outlive the key that makes it, which expires at ${limit}.`,
    );
  }
  return at;
}
