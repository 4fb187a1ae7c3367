import { UseGuards } from '@nestjs/common';
import { AdminKeyGuard } from './admin-key.guard.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { KeyRateLimitGuard } from './key-rate-limit.guard.js';

/** An API key, then its rate limit: in that order, so the limit counts by the key's id (routes may @SkipThrottle). */
export const ApiKeyAuth = () => UseGuards(ApiKeyGuard, KeyRateLimitGuard);

/** The admin key (ADMIN_API_KEY), then its rate limit. */
export const AdminKeyAuth = () => UseGuards(AdminKeyGuard, KeyRateLimitGuard);
