import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi.js';
import type { TenantScope } from './scope-rules.js';

export const REQUIRED_SCOPE = 'hookrelay:required-scope';

/**
 * The scope a tenant route needs (ScopeGuard enforces it; OpenAPI shows it as `x-required-scope`). Every route
 * behind ApiKeyAuth must carry one: ScopeGuard refuses a route without it.
 */
export const RequireScope = (scope: TenantScope) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiExtension('x-required-scope', scope), ApiProblems(403));
