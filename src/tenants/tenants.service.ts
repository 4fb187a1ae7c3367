import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { generateApiKey } from '../config.js';
import { hashApiKey } from '../auth/api-key.hash.js';
import { KeyDirectory } from '../auth/key-directory.js';
import { conflict, notFound } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { EventTypesService } from '../event-types/event-types.service.js';
import { effectiveIngestQuota } from '../policy/ingest-quota.js';
import { ApiKey } from './api-key.entity.js';
import type { UpdateTenantInput } from './tenant.dto.js';
import { Tenant } from './tenant.entity.js';

@Injectable()
export class TenantsService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(EventTypesService) private readonly eventTypes: EventTypesService,
    @Inject(KeyDirectory) private readonly keys: KeyDirectory,
  ) {}

  /** A tenant with its first API key, shown once. */
  async create(name: string) {
    const id = newId('ten');
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [id, name],
    );
    if (inserted.length === 0) throw conflict(`A tenant named ${name} exists.`, [{ field: 'name', message: 'already exists' }]);
    await this.eventTypes.seedBuiltIns(id);
    const { apiKey } = await this.createKey(id);
    return { id, name, apiKey };
  }

  async get(id: string) {
    const tenant = await this.db.getRepository(Tenant).findOneBy({ id });
    if (!tenant) throw notFound('tenant', id);
    return this.view(tenant);
  }

  /**
   * Takes effect with the tenant's next request: the quota comes with the key (see KeyDirectory), which this
   * process forgets now and every other one as soon as the change feed tells it.
   */
  async update(id: string, input: UpdateTenantInput) {
    const changes: Partial<Tenant> = {};
    if (input.ingestQuota !== undefined) {
      changes.eventsPerSecond = input.ingestQuota?.perSecond ?? null;
      changes.eventsBurst = input.ingestQuota?.burst ?? null;
    }
    if (Object.keys(changes).length > 0) {
      const result = await this.db.getRepository(Tenant).update({ id }, changes);
      if (!result.affected) throw notFound('tenant', id);
      this.keys.forgetTenant(id);
    }
    return this.get(id);
  }

  private view(t: Tenant) {
    const own = { perSecond: t.eventsPerSecond, burst: t.eventsBurst };
    return {
      id: t.id,
      name: t.name,
      createdAt: t.createdAt.toISOString(),
      ingestQuota: own.perSecond === null ? null : own,
      effectiveIngestQuota: effectiveIngestQuota(own, this.config.ingestQuota),
    };
  }

  /** Makes sure tenant `name` exists, with its built-in event types, and accepts `apiKey` (BOOTSTRAP_API_KEY). */
  async ensureWithKey(name: string, apiKey: string): Promise<{ keyAdded: boolean }> {
    const [tenant]: { id: string }[] = await this.db.query(
      `WITH ins AS (INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id)
       SELECT id FROM ins UNION ALL SELECT id FROM tenants WHERE name = $2`,
      [newId('ten'), name],
    );
    await this.eventTypes.seedBuiltIns(tenant.id);
    const added: unknown[] = await this.db.query(
      `INSERT INTO api_keys (id, tenant_id, key_hash) VALUES ($1, $2, $3) ON CONFLICT (key_hash) DO NOTHING RETURNING id`,
      [newId('key'), tenant.id, hashApiKey(apiKey)],
    );
    return { keyAdded: added.length > 0 };
  }

  /** Keys are stored as SHA-256 hashes only; the clear key exists in this answer and nowhere else. */
  async createKey(tenantId: string) {
    const apiKey = generateApiKey();
    const key = this.db.getRepository(ApiKey).create({ id: newId('key'), tenantId, keyHash: hashApiKey(apiKey), revokedAt: null });
    await this.db.getRepository(ApiKey).insert(key);
    const saved = await this.db.getRepository(ApiKey).findOneByOrFail({ id: key.id });
    return { id: saved.id, apiKey, createdAt: saved.createdAt.toISOString() };
  }

  async listKeys(tenantId: string) {
    const keys = await this.db.getRepository(ApiKey).find({ where: { tenantId }, order: { id: 'DESC' } });
    return {
      data: keys.map((k) => ({ id: k.id, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null })),
      nextCursor: null,
    };
  }

  /** Effective at once here; elsewhere as soon as the change feed says so, and ingestion checks the key itself. */
  async revokeKey(tenantId: string, id: string, usedKeyId: string): Promise<void> {
    // Revoking the key of this very request would lock the caller out; use another key for that.
    if (id === usedKeyId) throw conflict('This request was made with that key; revoke it with another key of the tenant.');
    const result = await this.db.getRepository(ApiKey).update({ tenantId, id }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('API key', id);
    this.keys.forgetTenant(tenantId);
  }
}
