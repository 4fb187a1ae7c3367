import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { TenantContext } from './tenant-context.js';

/**
 * The management API's rate limit (RATE_LIMIT_PER_MINUTE), counted by the id of the key that authenticated. It
 * runs after the key guard, so every spelling of a key's header shares one bucket and unknown keys get none.
 */
@Injectable()
export class KeyRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    // No tenant: the admin key (AdminKeyGuard), of which there is one. An operator gets a bucket per tenant it
    // acts for, so serving one tenant cannot use up its limit for all the others. A portal link shares the bucket
    // of the key that made it (for the same tenant): minting links never multiplies a key's rate.
    const tenant = req['tenant'] as TenantContext | undefined;
    if (!tenant) return 'admin-key';
    return tenant.operator ? `${tenant.operator}:${tenant.id}` : tenant.keyId;
  }
}
