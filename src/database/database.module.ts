import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Config } from '../app-config.token.js';
import { ChangeFeed } from './change-feed.js';
import { createDataSource } from './data-source.js';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [Config],
      // The schema is current by now: createApp ran, awaited or checked the migrations (prepareSchema) first.
      useFactory: async (config: Config) => {
        const ds = createDataSource(config.database.url, config.database);
        await ds.initialize();
        return ds;
      },
    },
    {
      provide: ChangeFeed,
      // After the migrations (the DataSource first): the triggers it listens to are theirs.
      inject: [Config, DataSource],
      useFactory: async (config: Config) => {
        const feed = new ChangeFeed(
          config.database.listenUrl,
          new Logger('ChangeFeed'),
          undefined,
          `${config.database.applicationName}-listen`,
        );
        await feed.start();
        return feed;
      },
    },
  ],
  exports: [DataSource, ChangeFeed],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ChangeFeed) private readonly feed: ChangeFeed,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
