import { Global, Module } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { PortalSessionAuth } from './portal-session-auth.js';
import { PortalSessionsController } from './portal-sessions.controller.js';
import { PortalTokens } from './portal-token.js';

/** Portal links: made here, accepted by ApiKeyGuard on every /v1 route (hence global). */
@Global()
@Module({
  controllers: [PortalSessionsController],
  providers: [
    { provide: PortalTokens, inject: [Config], useFactory: (c: Config) => new PortalTokens(c.secretsKey, c.previousSecretsKeys) },
    PortalSessionAuth,
  ],
  exports: [PortalSessionAuth],
})
export class PortalSessionsModule {}
