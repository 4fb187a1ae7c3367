import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../common/errors.js';
import { isAdminKey } from './admin-key.js';
import { readAuthorization } from './bearer-token.js';
import { clientAddress } from './client-address.js';
import { FailedAuthGate } from './failed-auth-gate.js';

const HOW = 'This route needs the admin key (ADMIN_API_KEY) as `Authorization: Bearer <key>`.';

/**
 * `Authorization: Bearer <ADMIN_API_KEY>`; without ADMIN_API_KEY configured, tenant administration is closed.
 * Wrong keys count as failed authentications of the client's address, like wrong API keys.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(FailedAuthGate) private readonly gate: FailedAuthGate,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = readAuthorization(req.headers.authorization);
    if (presented.kind === 'none') throw unauthorized(HOW);
    if (presented.kind === 'token' && isAdminKey([this.config.adminApiKey, this.config.adminApiKeyPrevious], presented.token)) return true;
    const address = clientAddress(req);
    this.gate.check(address);
    throw this.gate.failed(address, 'admin', HOW);
  }
}
