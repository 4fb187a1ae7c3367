import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REQUIRED_SCOPE } from './require-scope.js';
import { requireScope } from './scope-rules.js';
import type { Scope } from '../policy/scopes.js';
import type { AuthedRequest } from './tenant-context.js';

/**
 * The one place a request's scopes (`req.tenant.scopes`, whatever credential set them: an API key, an operator
 * acting for a tenant, a portal token) meet the scope its route declares with @RequireScope.
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]);
    // A route that forgot its scope is closed rather than open (test/unit/route-scopes.test.ts catches it first).
    if (!needed) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no scope (@RequireScope)`);
    const tenant = context.switchToHttp().getRequest<AuthedRequest>().tenant;
    if (!tenant) throw new Error('ScopeGuard ran before the credential was read');
    requireScope(tenant.scopes, needed);
    return true;
  }
}
