import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Config } from '../app-config.token.js';
import { Tracing } from '../telemetry/tracing.js';
import { connectTemporal, ensureSearchAttributes } from './temporal.connection.js';

/**
 * One native connection per process, shared by the client and (in role all) the worker, which is what lets
 * workflow starts be eager: the worker in the same process takes the first task without a poll round trip.
 */
@Global()
@Module({
  providers: [
    {
      provide: NativeConnection,
      inject: [Config],
      useFactory: async (config: Config) => {
        const log = new Logger('Temporal');
        const conn = await connectTemporal(config.temporal.address!, log);
        await ensureSearchAttributes(conn, config.temporal.namespace, log);
        return conn;
      },
    },
    {
      provide: Client,
      inject: [NativeConnection, Config, Tracing],
      useFactory: (connection: NativeConnection, config: Config, tracing: Tracing) =>
        new Client({ connection, namespace: config.temporal.namespace, interceptors: tracing.temporal?.clientInterceptors }),
    },
  ],
  exports: [NativeConnection, Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(NativeConnection) private readonly connection: NativeConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
