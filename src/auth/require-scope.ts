import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { TenantScope } from './scope-rules.js';

export const REQUIRED_SCOPE = 'hookrelay:required-scope';

/**
 * The scope a tenant route needs (ScopeGuard enforces it; OpenAPI shows it as `x-required-scope`). Every route
 * behind ApiKeyAuth must carry one: ScopeGuard refuses a route without it.
 */
export const RequireScope = (scope: TenantScope) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiExtension('x-required-scope', scope),
    ApiResponse({ status: 403, description: `The credential lacks the scope \`${scope}\` (named in the problem)` }),
  );
