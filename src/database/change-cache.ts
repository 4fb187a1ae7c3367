import type { ChangeFeed } from './change-feed.js';

/**
 * Values read from Postgres, kept in this process for as long as nothing they were read from changes: a change
 * heard on the feed to one of `tables` for an entry's tenant drops it, and so does losing the feed (everything,
 * and nothing is kept until it is back). A read that ran while any such change came in is used but not kept, so
 * a stale read never outlives the change that made it stale. Least recently used entries go beyond `max`, and
 * every entry after `ttlMs`, in case a connection goes quiet without failing.
 */
export class ChangeCache<V> {
  private readonly entries = new Map<string, { tenantId: string; value: V; until: number }>();
  /** Bumped by every drop: a read that began in an earlier generation may predate a change. */
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly tables: string[],
    private readonly max = 10_000,
    private readonly ttlMs = 60_000,
  ) {
    feed.onChange((change) => {
      if (change === 'all') this.clear();
      else if (tables.includes(change.table)) this.dropTenant(change.tenantId);
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, read by `load` unless kept; `load` answers null for nothing (never kept). */
  async get(key: string, load: () => Promise<{ tenantId: string; value: V } | null>): Promise<V | null> {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      if (kept.until > Date.now()) {
        this.entries.set(key, kept);
        return kept.value;
      }
    }
    const generation = this.generation;
    const loaded = await load();
    if (loaded && this.feed.live && generation === this.generation) {
      this.entries.set(key, { ...loaded, until: Date.now() + this.ttlMs });
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return loaded?.value ?? null;
  }

  /** Drops what this process changed itself, without waiting to hear it back from the feed. */
  dropTenant(tenantId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.tenantId === tenantId) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
