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
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Forgets a key (its schema changed or went away). */
  drop(key: string): void {
    this.entries.delete(key);
  }
}
