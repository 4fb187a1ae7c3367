import { Global, Module } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { ActingTenant } from './acting-tenant.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { FailedAuthGate } from './failed-auth-gate.js';
import { KeyDirectory } from './key-directory.js';
import { KnownKeys } from './known-keys.js';
import { TenantDirectory } from './tenant-directory.js';

/** One failed-auth gate, one set of known keys and one key directory per process, shared by the guards of every controller. */
@Global()
@Module({
  providers: [
    {
      provide: AuthFailureLimiter,
      inject: [Config],
      useFactory: (config: Config) => new AuthFailureLimiter(config.authFailuresPerMinute, 60_000),
    },
    { provide: KnownKeys, useFactory: () => new KnownKeys() },
    FailedAuthGate,
    KeyDirectory,
    TenantDirectory,
    ActingTenant,
  ],
  exports: [FailedAuthGate, KnownKeys, KeyDirectory, ActingTenant],
})
export class AuthModule {}
