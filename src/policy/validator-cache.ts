/**
 * Compiled validators, one per key (tenant and event type), at most `capacity` keys, least recently used out
 * first. An entry is replaced, not added to, when its key's version (the schema's hash) changes, so a PATCHed
 * schema frees the old validator instead of piling up beside it.
 */
export class ValidatorCache<V> {
  private readonly entries = new Map<string, { version: string; value: V }>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key` at `version`, built (and cached) when missing or stale. */
  get(key: string, version: string, build: () => V): V {
    const hit = this.entries.get(key);
    // Delete then set: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = build();
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.dropOldest();
    return value;
  }

  /** Forgets a key (its schema changed or went away). */
  drop(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets the least recently used key. */
  dropOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}

/**
 * A ValidatorCache shared fairly by tenants: each tenant has an LRU of its own, at most `perTenant` entries, and
 * all of them together hold at most `total`. Past the total, the tenant holding the most gives up its least
 * recently used entry, so one tenant with thousands of schemas recompiles its own on every event but never
 * evicts a tenant that keeps within its share (`total / perTenant` tenants at full share fit side by side).
 */
export class FairValidatorCache<V> {
  private readonly tenants = new Map<string, ValidatorCache<V>>();
  private count = 0;

  constructor(
    readonly perTenant: number,
    readonly total: number,
    /** The tenant a key belongs to. */
    private readonly tenantOf: (key: string) => string,
  ) {}

  get size(): number {
    return this.count;
  }

  get(key: string, version: string, build: () => V): V {
    const tenant = this.tenantOf(key);
    let cache = this.tenants.get(tenant);
    if (!cache) this.tenants.set(tenant, (cache = new ValidatorCache<V>(this.perTenant)));
    const before = cache.size;
    const value = cache.get(key, version, build);
    this.count += cache.size - before;
    if (this.count > this.total) this.evictFromLargest();
    return value;
  }

  drop(key: string): void {
    const tenant = this.tenantOf(key);
    const cache = this.tenants.get(tenant);
    if (!cache) return;
    const before = cache.size;
    cache.drop(key);
    this.count -= before - cache.size;
    if (cache.size === 0) this.tenants.delete(tenant);
  }

  private evictFromLargest(): void {
    let largest: [string, ValidatorCache<V>] | undefined;
    for (const entry of this.tenants) if (!largest || entry[1].size > largest[1].size) largest = entry;
    if (!largest) return;
    largest[1].dropOldest();
    this.count--;
    if (largest[1].size === 0) this.tenants.delete(largest[0]);
  }
}
