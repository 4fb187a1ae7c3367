import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { unauthorized } from '../common/errors.js';
import { ActingTenant, ADMIN_CREDENTIAL, type Credential } from './acting-tenant.js';
import { isAdminKey } from './admin-key.js';
import { hashApiKey } from './api-key.hash.js';
import { readAuthorization } from './bearer-token.js';
import { clientAddress } from './client-address.js';
import { FailedAuthGate } from './failed-auth-gate.js';
import { KeyDirectory } from './key-directory.js';
import { KnownKeys } from './known-keys.js';
import { PortalSessionAuth, type PortalCredential } from '../portal-sessions/portal-session-auth.js';
import { isPortalToken } from '../portal-sessions/portal-token.js';
import type { AuthedRequest, TenantContext } from './tenant-context.js';

const HOW = 'Send your API key as `Authorization: Bearer <key>`.';
const INVALID = 'The API key is not valid (unknown, revoked or expired).';

/**
 * `Authorization: Bearer <api key>` on every /v1 route; revoked keys stop at once (see KeyDirectory), expired
 * ones at their instant. An address that keeps failing gets 429 before any lookup, except for keys this process
 * knows are valid. ADMIN_API_KEY and operator keys act for the tenant `Hookrelay-Tenant` names (ActingTenant).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(KeyDirectory) private readonly keys: KeyDirectory,
    @Inject(FailedAuthGate) private readonly gate: FailedAuthGate,
    @Inject(KnownKeys) private readonly knownKeys: KnownKeys,
    @Inject(ActingTenant) private readonly acting: ActingTenant,
    @Inject(PortalSessionAuth) private readonly portal: PortalSessionAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const credential = await this.credential(req);
    const tenant = await this.acting.resolve(req, credential);
    // A portal session keeps its id on the request: its answers leave out operator-only fields (PortalAnswerInterceptor).
    req.tenant = 'portalSessionId' in credential ? { ...tenant, portalSessionId: credential.portalSessionId } : tenant;
    // The request log (pino-http) reads the tenant off the Node request, which Fastify wraps.
    (req.raw as AuthedRequest['raw'] & { tenant?: TenantContext }).tenant = req.tenant;
    return true;
  }

  private async credential(req: AuthedRequest): Promise<Credential | PortalCredential> {
    const presented = readAuthorization(req.headers.authorization);
    // No key at all is no guess: it costs nothing and is not counted.
    if (presented.kind === 'none') throw unauthorized(HOW);
    const address = clientAddress(req);
    if (presented.kind === 'malformed') {
      this.gate.check(address);
      throw this.gate.failed(address, 'malformed', HOW);
    }
    if (isPortalToken(presented.token)) return this.portal.authenticate(presented.token, address);
    if (isAdminKey([this.config.adminApiKey, this.config.adminApiKeyPrevious], presented.token)) return ADMIN_CREDENTIAL;
    const hash = hashApiKey(presented.token);
    if (!this.knownKeys.has(hash)) this.gate.check(address);
    const grant = await this.keys.find(hash);
    // Expiry is checked here, at each use, not only at lookup: a cached key stops at its exact instant.
    if (!grant || (grant.expiresAt !== null && grant.expiresAt <= Date.now())) {
      this.knownKeys.forget(hash);
      throw this.gate.failed(address, 'unknown', INVALID);
    }
    this.knownKeys.remember(hash);
    return grant;
  }
}
