import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { hashApiKey } from '../auth/api-key.hash.js';
import { KeyDirectory } from '../auth/key-directory.js';
import { conflict, notFound } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { EventTypesService } from '../event-types/event-types.service.js';
import { effectiveIngestQuota } from '../policy/ingest-quota-arithmetic.js';
import { ADMIN_KEY_ID } from '../auth/admin-key.js';
import { ApiKeysService } from './api-keys.service.js';
import type { UpdateTenantInput } from './tenant.dto.js';
import { Tenant } from './tenant.entity.js';

@Injectable()
export class TenantsService {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(EventTypesService) private readonly eventTypes: EventTypesService,
    @Inject(KeyDirectory) private readonly keys: KeyDirectory,
    @Inject(ApiKeysService) private readonly apiKeys: ApiKeysService,
  ) {}

  /** A tenant with its first API key, shown once. */
  async create(name: string, externalId: string | null = null) {
    const id = newId('ten');
    // No conflict target: a taken name and a taken externalId both insert nothing, and are told apart below.
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO tenants (id, name, external_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [id, name, externalId],
    );
    if (inserted.length === 0) {
      const [taken]: { name: boolean }[] = await this.db.query(
        `SELECT bool_or(name = $1) AS name FROM tenants WHERE name = $1 OR external_id = $2`,
        [name, externalId],
      );
      throw taken?.name !== false
        ? conflict(`A tenant named ${name} exists.`, [{ field: 'name', message: 'already exists' }])
        : conflict(`A tenant with externalId ${externalId} exists.`, [{ field: 'externalId', message: 'already exists' }]);
    }
    await this.eventTypes.seedBuiltIns(id);
    const { apiKey } = await this.apiKeys.create(id, { createdBy: ADMIN_KEY_ID });
    return { id, name, externalId, apiKey };
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
      externalId: t.externalId,
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
}
