import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { createDataSource, migrate } from './data-source.js';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [Config],
      useFactory: async (config: Config) => {
        const ds = createDataSource(config.databaseUrl);
        await ds.initialize();
        await migrate(ds);
        return ds;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
