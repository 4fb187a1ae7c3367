import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { unauthorized } from '../common/errors.js';
import { hashApiKey } from './api-key.hash.js';
import { readAuthorization } from './bearer-token.js';
import { clientAddress } from './client-address.js';
import { FailedAuthGate } from './failed-auth-gate.js';
import { KeyDirectory } from './key-directory.js';
import { KnownKeys } from './known-keys.js';
import { PortalSessionAuth } from '../portal-sessions/portal-session-auth.js';
import { refuseWhatPortalSessionsMayNotDo } from '../portal-sessions/portal-session-limits.js';
import { isPortalToken } from '../portal-sessions/portal-token.js';
import type { AuthedRequest } from './tenant-context.js';

const HOW = 'Send your API key as `Authorization: Bearer <key>`.';

/**
 * `Authorization: Bearer <api key>` on every /v1 route; revoked keys stop at once (see KeyDirectory). An address that keeps failing gets 429 before any lookup, except for keys this process knows are valid.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(KeyDirectory) private readonly keys: KeyDirectory,
    @Inject(FailedAuthGate) private readonly gate: FailedAuthGate,
    @Inject(KnownKeys) private readonly knownKeys: KnownKeys,
    @Inject(PortalSessionAuth) private readonly portal: PortalSessionAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const presented = readAuthorization(req.headers.authorization);
    // No key at all is no guess: it costs nothing and is not counted.
    if (presented.kind === 'none') throw unauthorized(HOW);
    const address = clientAddress(req);
    if (presented.kind === 'malformed') {
      this.gate.check(address);
      throw this.gate.failed(address, 'malformed', HOW);
    }
    if (isPortalToken(presented.token)) {
      req.tenant = await this.portal.authenticate(presented.token, address);
      refuseWhatPortalSessionsMayNotDo(req, req.tenant);
      return true;
    }
    const hash = hashApiKey(presented.token);
    if (!this.knownKeys.has(hash)) this.gate.check(address);
    const tenant = await this.keys.find(hash);
    if (!tenant) {
      this.knownKeys.forget(hash);
      throw this.gate.failed(address, 'unknown', 'The API key is not valid (unknown or revoked).');
    }
    this.knownKeys.remember(hash);
    req.tenant = tenant;
    return true;
  }
}
