import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Config } from '../app-config.token.js';
import { Tracing } from '../telemetry/tracing.js';

/**
 * One native connection per process, shared by the client, (in role all) the worker and /ready, which is what
 * lets workflow starts be eager: the worker in the same process takes the first task without a poll round trip.
 * It is opened before Nest builds the application (see createApp), so that a refused certificate or API key is
 * a one-line start-up error rather than an injector's stack trace.
 */
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(NativeConnection) private readonly connection: NativeConnection) {}

  /** Without a connection, only for preview mode (modules scanned, no provider built: the OpenAPI document). */
  static withConnection(connection?: NativeConnection): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      providers: [
        {
          provide: NativeConnection,
          useFactory: () => {
            if (!connection) throw new Error('TemporalModule.withConnection() without a connection serves only preview mode');
            return connection;
          },
        },
        {
          provide: Client,
          inject: [NativeConnection, Config, Tracing],
          useFactory: (conn: NativeConnection, config: Config, tracing: Tracing) =>
            new Client({ connection: conn, namespace: config.temporal.namespace, interceptors: tracing.temporal?.clientInterceptors }),
        },
      ],
      exports: [NativeConnection, Client],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch((err: unknown) => new Logger('Temporal').warn(`closing the connection: ${(err as Error).message}`));
  }
}
