import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, badRequest, missingScope } from '../common/errors.js';
import { ADMIN_KEY_ID } from './admin-key.js';
import type { TenantRecord } from './key-directory.js';
import { FULL_TENANT_SCOPES, type Scope } from '../policy/scopes.js';
import type { AuthedRequest, TenantContext } from './tenant-context.js';
import { TenantDirectory } from './tenant-directory.js';

/** Stripe's `Stripe-Account`: an operator key names the tenant it acts for on each request. */
export const TENANT_HEADER = 'Hookrelay-Tenant';

/** A credential that authenticated: a key of one tenant, an operator key, or ADMIN_API_KEY (an operator with every scope). */
export interface Credential {
  keyId: string;
  scopes: readonly Scope[];
  /** Epoch ms; null: never. */
  expiresAt: number | null;
  tenant: TenantRecord | null;
  /** A portal link made by an operator (an operator key's id, or `admin`): it acts for the tenant on that operator's behalf. */
  viaOperator?: string;
}

export const ADMIN_CREDENTIAL: Credential = {
  keyId: ADMIN_KEY_ID,
  scopes: ['operator', ...FULL_TENANT_SCOPES],
  expiresAt: null,
  tenant: null,
};

/**
 * Which tenant a request acts for. A tenant key acts for its own and may not send the header (403 naming
 * `operator`); an operator must send it (400 without it), naming a tenant that exists (404). Every request an
 * operator makes for a tenant leaves one audit line with both identities.
 */
@Injectable()
export class ActingTenant {
  private readonly audit = new Logger('Audit');

  constructor(@Inject(TenantDirectory) private readonly tenants: TenantDirectory) {}

  async resolve(req: AuthedRequest, credential: Credential): Promise<TenantContext> {
    const named = req.headers[TENANT_HEADER.toLowerCase()];
    const header = Array.isArray(named) ? named.join(', ') : named?.trim();
    const operator = credential.scopes.includes('operator');
    if (!operator) {
      // Present at all, even empty or blank, is asking to act for a tenant: the same 403 whatever its value.
      if (named !== undefined) {
        throw missingScope(
          'operator',
          `${TENANT_HEADER} acts for another tenant, which needs an operator key (scope \`operator\`); this key acts for its own tenant: leave the header out.`,
        );
      }
      const context = { ...credential.tenant!, keyId: credential.keyId, keyExpiresAt: credential.expiresAt, scopes: credential.scopes };
      if (!credential.viaOperator) return context;
      this.audit.log({
        msg: 'operator portal link acting for tenant',
        operator: credential.viaOperator,
        portalSessionId: 'portalSessionId' in credential ? credential.portalSessionId : undefined,
        tenantId: context.id,
        method: req.method,
        path: req.url.split('?')[0],
      });
      return { ...context, operator: credential.viaOperator };
    }
    if (!header) {
      throw badRequest(
        'tenant-required',
        `This is an operator key, which belongs to no tenant: send ${TENANT_HEADER}: <ten_... id or externalId> to say which tenant to act for.`,
        [{ field: TENANT_HEADER, message: 'is required with an operator key' }],
      );
    }
    const tenant = await this.tenants.find(header);
    if (!tenant) {
      throw new AppError('not-found', HttpStatus.NOT_FOUND, 'Not found', `No tenant ${JSON.stringify(header)} (header ${TENANT_HEADER}).`, [
        { field: TENANT_HEADER, message: 'names no tenant (by ten_ id or externalId)' },
      ]);
    }
    this.audit.log({
      msg: 'operator acting for tenant',
      operator: credential.keyId,
      tenantId: tenant.id,
      tenantHeader: header,
      method: req.method,
      path: req.url.split('?')[0],
    });
    return {
      ...tenant,
      keyId: credential.keyId,
      keyExpiresAt: credential.expiresAt,
      operator: credential.keyId,
      scopes: credential.scopes,
    };
  }
}
