import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { hashApiKey } from '../auth/api-key.hash.js';
import { newId } from '../common/ids.js';
import { EventTypesService } from '../event-types/event-types.service.js';

export const DEFAULT_TENANT = 'default';

/** BOOTSTRAP_API_KEY makes sure a tenant `default` exists and accepts that key. */
@Injectable()
export class TenantBootstrapService implements OnApplicationBootstrap {
  private readonly log = new Logger('Tenants');

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(EventTypesService) private readonly eventTypes: EventTypesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.bootstrapApiKey;
    if (!key) return;
    await this.db.query(`INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      newId('ten'),
      DEFAULT_TENANT,
    ]);
    const [tenant]: { id: string }[] = await this.db.query(`SELECT id FROM tenants WHERE name = $1`, [DEFAULT_TENANT]);
    await this.eventTypes.seedBuiltIns(tenant!.id);
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO api_keys (id, tenant_id, key_hash)
       SELECT $1, id, $2 FROM tenants WHERE name = $3
       ON CONFLICT (key_hash) DO NOTHING RETURNING id`,
      [newId('key'), hashApiKey(key), DEFAULT_TENANT],
    );
    if (inserted.length) this.log.log(`bootstrap API key registered for tenant ${DEFAULT_TENANT}`);
  }
}
