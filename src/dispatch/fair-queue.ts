/**
 * A FIFO per key, served round-robin: each `take` serves the next key in turn that `mayTake` allows, so a key
 * with a burst of 10,000 items cannot make another key's one item wait behind them.
 */
export class FairQueue<T> {
  // Map order is the rotation: a key that was served moves to the back.
  private readonly lanes = new Map<string, { items: T[]; head: number }>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** How many keys have items waiting. */
  get keys(): number {
    return this.lanes.size;
  }

  push(key: string, item: T): void {
    const lane = this.lanes.get(key);
    if (lane) lane.items.push(item);
    else this.lanes.set(key, { items: [item], head: 0 });
    this.count++;
  }

  /** The oldest item of the next key in turn for which `mayTake(key)` holds, or undefined if there is none. */
  take(mayTake: (key: string) => boolean = () => true): { key: string; item: T } | undefined {
    for (const [key, lane] of this.lanes) {
      if (!mayTake(key)) continue;
      const item = lane.items[lane.head++];
      this.lanes.delete(key);
      if (lane.head < lane.items.length) {
        // A lane that never runs dry drops what it has served now and then, not on every take.
        if (lane.head > 1024 && lane.head * 2 > lane.items.length) {
          lane.items = lane.items.slice(lane.head);
          lane.head = 0;
        }
        this.lanes.set(key, lane);
      }
      this.count--;
      return { key, item };
    }
    return undefined;
  }
}
