/**
 * One at a time per key, in arrival order; different keys run side by side. For writes that Postgres would
 * serialize anyway on one locked row: waiting here instead of on the row lock keeps them from holding a pooled
 * connection each while they wait, so a burst on one row cannot take the pool from everyone else.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Keys with a turn running or waiting. */
  get keys(): number {
    return this.tails.size;
  }

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(fn);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }
}
