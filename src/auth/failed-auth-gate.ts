import { Inject, Injectable } from '@nestjs/common';
import { RateLimited, unauthorized, type AppError } from '../common/errors.js';
import { MetricsService } from '../health/metrics.service.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';

export type FailureReason = 'malformed' | 'unknown' | 'admin';

/**
 * Guessing keys is limited per client address: the guards ask here before any costly check (a database
 * lookup), and report every failure here.
 */
@Injectable()
export class FailedAuthGate {
  constructor(
    @Inject(AuthFailureLimiter) private readonly limiter: AuthFailureLimiter,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** Throws 429 with Retry-After if this address has failed too often lately. */
  check(address: string): void {
    const wait = this.limiter.retryAfterSeconds(address);
    if (wait === 0) return;
    this.metrics.authThrottled.inc();
    throw new RateLimited(`Too many failed authentications from your address; wait ${wait} s (Retry-After).`, wait);
  }

  /** Counts a failed authentication; returns the 401 to throw. */
  failed(address: string, reason: FailureReason, detail: string): AppError {
    this.limiter.recordFailure(address);
    this.metrics.authFailures.inc({ reason });
    return unauthorized(detail);
  }
}
