import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Config } from '../app-config.token.js';
import { ADMIN_KEY_ID } from '../auth/admin-key.js';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import type { FastifyRequest } from 'fastify';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { OptionalZodBody, parse } from '../common/validation.js';
import { createPortalSessionSchema, portalSessionCreatedResponse } from './portal-session.dto.js';
import { portalUrl } from './portal-url.js';
import { newPortalSessionId, PortalTokens } from './portal-token.js';

@ApiTags('portal-sessions')
@ApiBearerAuth()
@ApiCommonProblems()
@Controller('v1')
export class PortalSessionsController {
  constructor(
    @Inject(PortalTokens) private readonly tokens: PortalTokens,
    @Inject(Config) private readonly config: Config,
  ) {}

  /**
   * A short-lived link into the web console for the caller's tenant (an operator's: `Hookrelay-Tenant`), to embed in
   * your own product. It works until `expiresAt`, or until the key that made it is revoked or expires (a link made
   * with ADMIN_API_KEY: until that key changes).
   */
  @Post('portal-sessions')
  @ApiKeyAuth()
  // Making a link makes a credential, like making a key; so a portal token (never `admin`) cannot make one.
  @RequireScope('admin')
  @OptionalZodBody(createPortalSessionSchema)
  @ZodResponse(201, portalSessionCreatedResponse, 'Created; give `url` to the person, or `token` to your own frontend')
  create(@CurrentTenant() tenant: TenantContext, @Body() body: unknown, @Req() req: FastifyRequest) {
    const input = parse(createPortalSessionSchema, body ?? {});
    const exp = Date.now() + input.ttlSeconds * 1000;
    // A link made with ADMIN_API_KEY carries which admin key it was: it dies when that key changes.
    const akf =
      tenant.keyId === ADMIN_KEY_ID && this.config.adminApiKey ? this.tokens.adminFingerprint(this.config.adminApiKey) : undefined;
    const token = this.tokens.sign({ sid: newPortalSessionId(), tid: tenant.id, kid: tenant.keyId, ro: input.readOnly, exp, akf });
    return { url: portalUrl(token, this.config.publicUrl, req), token, expiresAt: new Date(exp).toISOString() };
  }
}
