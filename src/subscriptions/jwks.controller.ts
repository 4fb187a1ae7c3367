import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/auth.decorators.js';
import { RequireScope } from '../auth/require-scope.js';
import { CurrentTenant, type TenantContext } from '../auth/tenant-context.js';
import { ApiCommonProblems, ZodResponse } from '../common/openapi.js';
import { jwkSetOf } from '../policy/jwks.js';
import { jwkSetResponse } from './jwks.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Key discovery for `v1a` (ed25519) receivers, the JWKS that Standard Webhooks' issue #34 asks for. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiKeyAuth()
@ApiCommonProblems()
@Controller('v1/subscriptions')
export class JwksController {
  constructor(@Inject(SubscriptionsService) private readonly subscriptions: SubscriptionsService) {}

  /**
   * The subscription's Ed25519 public keys as a JWK Set: the current one and, during a rotation grace, the
   * previous one. Each `kid` is the key's RFC 7638 thumbprint. A shared-secret subscription answers an empty set.
   */
  @Get(':id/jwks')
  @RequireScope('read')
  @ZodResponse(200, jwkSetResponse, 'A JWK Set (RFC 7517, keys per RFC 8037)')
  async jwks(@CurrentTenant() tenant: TenantContext, @Param('id') id: string) {
    const sub = await this.subscriptions.get(tenant.id, id);
    return jwkSetOf(
      { publicKey: sub.publicKey, previousPublicKey: sub.previousPublicKey, previousExpiresAt: sub.previousSecretExpiresAt },
      new Date(),
    );
  }
}
