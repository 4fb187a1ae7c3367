import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { Tracing } from './tracing.js';

/** The process's OpenTelemetry tracing, started before anything that makes spans and flushed at shutdown. */
@Global()
@Module({
  providers: [{ provide: Tracing, inject: [Config], useFactory: (config: Config) => Tracing.start(config.tracing, config.role) }],
  exports: [Tracing],
})
export class TelemetryModule implements OnApplicationShutdown {
  constructor(@Inject(Tracing) private readonly tracing: Tracing) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}
