import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { generateApiKey } from '../config.js';
import { hashApiKey } from '../auth/api-key.hash.js';
import { KeyDirectory } from '../auth/key-directory.js';
import { FULL_TENANT_SCOPES, type Scope } from '../auth/scopes.js';
import { conflict, notFound } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { ApiKey } from './api-key.entity.js';

export interface NewKey {
  /** Undefined: every tenant scope (stored as null, so the key keeps every scope added later too). */
  scopes?: readonly Scope[];
  expiresAt?: string;
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
    const apiKey = generateApiKey();
    const repo = this.db.getRepository(ApiKey);
    const key = repo.create({
      id: newId('key'),
      tenantId,
      keyHash: hashApiKey(apiKey),
      scopes: input.scopes ? [...new Set(input.scopes)] : null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
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
    const result = await this.db
      .getRepository(ApiKey)
      .update({ tenantId: tenantId ?? IsNull(), id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) {
      // Revoking twice is harmless; only a key that is not there at all is a 404.
      const exists = await this.db.getRepository(ApiKey).existsBy({ tenantId: tenantId ?? IsNull(), id });
      if (!exists) throw notFound(tenantId ? 'API key' : 'operator key', id);
    }
    // KeyDirectory files an operator key under its own id (as the change feed names it).
    this.keys.forgetTenant(tenantId ?? id);
  }

  private view(k: ApiKey) {
    return {
      id: k.id,
      scopes: k.scopes ?? [...FULL_TENANT_SCOPES],
      expiresAt: k.expiresAt?.toISOString() ?? null,
      createdAt: k.createdAt.toISOString(),
    };
  }
}
