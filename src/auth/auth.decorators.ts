import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExtension, ApiHeader } from '@nestjs/swagger';
import { TENANT_HEADER } from './acting-tenant.js';
import { AdminKeyGuard } from './admin-key.guard.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { KeyRateLimitGuard } from './key-rate-limit.guard.js';
import { PortalAnswerInterceptor } from '../portal-sessions/portal-answer.interceptor.js';
import { ScopeGuard } from './scope.guard.js';

/**
 * An API key, then the scope its route declares (@RequireScope), then its rate limit: in that order, so the limit
 * counts by the key's id (routes may @SkipThrottle) and refused scopes cost nothing. Answers through a portal link
 * leave out what only the operator uses (PortalAnswerInterceptor).
 */
export const ApiKeyAuth = () =>
  applyDecorators(
    UseGuards(ApiKeyGuard, ScopeGuard, KeyRateLimitGuard),
    UseInterceptors(PortalAnswerInterceptor),
    ApiHeader({
      name: TENANT_HEADER,
      required: false,
      description: 'Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId',
    }),
  );

/** The admin key (ADMIN_API_KEY), then its rate limit. OpenAPI marks these routes `x-required-credential`. */
export const AdminKeyAuth = () =>
  applyDecorators(UseGuards(AdminKeyGuard, KeyRateLimitGuard), ApiExtension('x-required-credential', 'ADMIN_API_KEY'));
