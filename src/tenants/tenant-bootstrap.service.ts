import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { TenantsService } from './tenants.service.js';

export const DEFAULT_TENANT = 'default';

/** BOOTSTRAP_API_KEY makes sure a tenant `default` exists and accepts that key. */
@Injectable()
export class TenantBootstrapService implements OnApplicationBootstrap {
  private readonly log = new Logger('Tenants');

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(TenantsService) private readonly tenants: TenantsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.bootstrapApiKey;
    if (!key) return;
    const { keyAdded } = await this.tenants.ensureWithKey(DEFAULT_TENANT, key);
    if (keyAdded) this.log.log({ msg: 'bootstrap API key registered', tenantId: DEFAULT_TENANT });
  }
}
