import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Config } from './app-config.token.js';
import type { AppConfig } from './config.js';
import { DatabaseModule } from './database/database.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { EventTypesModule } from './event-types/event-types.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { WorkerModule } from './temporal/worker.module.js';
import { TenantsModule } from './tenants/tenants.module.js';

@Module({})
export class AppModule {
  /** The modules a process runs, by role: the api serves /v1, the worker runs deliveries; both serve /health. */
  static forRole(config: AppConfig): DynamicModule {
    const api = config.role !== 'worker';
    const worker = config.role !== 'api';
    return {
      module: AppModule,
      imports: [
        {
          module: class ConfigModule {},
          global: true,
          providers: [{ provide: Config, useValue: config }],
          exports: [Config],
        },
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            customProps: (req) => ({ tenantId: (req as { tenant?: { id: string } }).tenant?.id }),
          },
        }),
        DatabaseModule,
        TemporalModule,
        HealthModule,
        ...(api ? [TenantsModule, EventTypesModule, SubscriptionsModule, EventsModule, DeliveriesModule] : []),
        ...(worker ? [WorkerModule] : []),
      ],
    };
  }
}
