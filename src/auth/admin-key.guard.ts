import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Config } from '../app-config.token.js';
import { unauthorized } from '../common/errors.js';
import { readAuthorization } from './bearer-token.js';
import { clientAddress } from './client-address.js';
import { FailedAuthGate } from './failed-auth-gate.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

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
    const req = context.switchToHttp().getRequest<Request>();
    const presented = readAuthorization(req.headers.authorization);
    if (presented.kind === 'none') throw unauthorized(HOW);
    const admin = this.config.adminApiKey;
    const given = presented.kind === 'token' ? presented.token : '';
    if (admin && given && timingSafeEqual(digest(given), digest(admin))) return true;
    const address = clientAddress(req);
    this.gate.check(address);
    throw this.gate.failed(address, 'admin', HOW);
  }
}
