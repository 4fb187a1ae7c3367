import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Config } from '../app-config.token.js';
import { unauthorized } from '../common/errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `Authorization: Bearer <ADMIN_API_KEY>`; without ADMIN_API_KEY configured, tenant administration is closed. */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(Config) private readonly config: Config) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const admin = this.config.adminApiKey;
    if (!admin || !given || !timingSafeEqual(digest(given), digest(admin))) {
      throw unauthorized('This route needs the admin key (ADMIN_API_KEY) as `Authorization: Bearer <key>`.');
    }
    return true;
  }
}
