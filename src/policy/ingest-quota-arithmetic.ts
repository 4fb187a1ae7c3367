/**
 * A tenant's ingest quota: events per second with a burst, kept as a GCRA bucket in Postgres
 * (src/events/ingest-quota-gate.ts runs the statement). This module decides the numbers: which quota applies, what a
 * request costs in bucket time, and how long a refused request is told to wait.
 */

/** The most events one batch request may hold. */
export const MAX_BATCH = 500;

/** A default burst is never below one full batch, so a full batch always fits a full bucket. */
export const MIN_DEFAULT_BURST = MAX_BATCH;

/** `perSecond` 0 means unlimited (and then `burst` is 0 too). */
export interface IngestQuota {
  perSecond: number;
  burst: number;
}

/** A tenant's own setting (admin API); null fields follow the service's default. */
export interface IngestQuotaOverride {
  perSecond: number | null;
  burst: number | null;
}

export const UNLIMITED: IngestQuota = { perSecond: 0, burst: 0 };

/** Twice the rate (a second's worth of slack either side), but at least one full batch. */
export const defaultBurst = (perSecond: number) => Math.max(2 * perSecond, MIN_DEFAULT_BURST);

export const isUnlimited = (quota: IngestQuota) => quota.perSecond === 0;

/** The quota ingestion enforces for a tenant: its own setting if it has one, else the service's default. */
export function effectiveIngestQuota(override: IngestQuotaOverride, fallback: IngestQuota): IngestQuota & { source: 'tenant' | 'default' } {
  if (override.perSecond === null) return { ...fallback, source: 'default' };
  if (override.perSecond === 0) return { ...UNLIMITED, source: 'tenant' };
  return { perSecond: override.perSecond, burst: override.burst ?? defaultBurst(override.perSecond), source: 'tenant' };
}

/**
 * GCRA in time units: the bucket is a moment, `fullAt`, when it is full again. `n` events move it `n / perSecond`
 * seconds later; they fit when it then lies at most `burst / perSecond` seconds ahead of now.
 */
export function bucketTerms(quota: IngestQuota, events: number): { costSeconds: number; burstSeconds: number } {
  return { costSeconds: events / quota.perSecond, burstSeconds: quota.burst / quota.perSecond };
}

/** What a client is told to wait: whole seconds, rounded up so that the request fits then, and at least 1. */
export const retryAfterSeconds = (waitSeconds: number) => Math.max(1, Math.ceil(waitSeconds));
