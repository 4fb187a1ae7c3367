import { Module, type DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { NativeConnection } from '@temporalio/worker';
import { LoggerModule, type Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import { Config } from './app-config.token.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config.js';
import { DatabaseModule } from './database/database.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { EventTypesModule } from './event-types/event-types.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { PortalSessionsModule } from './portal-sessions/portal-sessions.module.js';
import { ReplaysModule } from './replays/replays.module.js';
import { SecretsModule } from './secrets/secrets.module.js';
import { StatsModule } from './stats/stats.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { TransformationsModule } from './transformations/transformations.module.js';
import { TemporalModule } from './temporal/temporal.module.js';
import { WorkerModule } from './temporal/worker.module.js';
import { TenantsModule } from './tenants/tenants.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';

/** Probes and scrapes that would drown the log: not logged when they succeed. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Request lines are written at `info`. With a higher `LOG_LEVEL` (warn, error, fatal, silent) none is ever
 * written, yet pino-http would still build every request a child logger with the request serialised (~10 % of
 * an ingest's CPU in a profile); then its middleware is mounted on no route, and what is logged while handling a
 * request goes through the root logger (the same destination, without the request's bindings).
 */
export function requestLinesOn(level: string): boolean {
  return level !== 'silent' && pino.levels.values[level] <= pino.levels.values['info'];
}

function loggerParams(config: AppConfig): Params {
  return { pinoHttp: loggerOptions(config), ...(requestLinesOn(config.logLevel) ? {} : { forRoutes: [] }) };
}

function loggerOptions(config: AppConfig): Params['pinoHttp'] {
  const options: Options = {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'], censor: '[redacted]' },
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    customProps: (req) => ({ tenantId: (req as { tenant?: { id: string } }).tenant?.id }),
  };
  if (config.logFile) return [options, pino.destination({ dest: config.logFile, mkdir: true, sync: true })];
  // A person at a terminal reads lines; anything else (a container, a file, a pipe) gets JSON.
  if (process.stdout.isTTY)
    return {
      ...options,
      transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } },
    };
  return options;
}

@Module({})
export class AppModule {
  /**
   * The modules a process runs, by role: the api serves /v1, the worker runs deliveries; both serve /health.
   * `temporal` is the process's open connection (createApp opens it); only preview mode goes without.
   */
  static forRole(config: AppConfig, temporal?: NativeConnection): DynamicModule {
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
        LoggerModule.forRoot(loggerParams(config)),
        TelemetryModule,
        DatabaseModule,
        SecretsModule,
        TemporalModule.withConnection(temporal),
        HealthModule,
        ...(api
          ? [
              AuthModule,
              // Applied per key by KeyRateLimitGuard (see auth.decorators.ts), so one noisy integration cannot
              // starve another of the same tenant.
              ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }] }),
              PortalSessionsModule,
            ]
          : []),
        ...(api
          ? [
              TenantsModule,
              EventTypesModule,
              SubscriptionsModule,
              TransformationsModule,
              EventsModule,
              DeliveriesModule,
              ReplaysModule,
              StatsModule,
            ]
          : []),
        ...(worker ? [WorkerModule] : []),
      ],
    };
  }
}
