/** A slot for one attempt in flight; give it back when the attempt's HTTP call is over. */
export interface Slot {
  release(): void;
}

/**
 * The worker's attempts in flight, shared out so that one tenant's slow endpoints cost only that tenant. While
 * `n` tenants have attempts in flight, each may hold at most `total / (n + 1)` of them: one share is always left
 * for a tenant that has none in flight yet. The same rule shares a tenant's part between its subscriptions, so a
 * tenant's hanging endpoint does not hold up its other endpoints either. Work-conserving: alone, a tenant may use
 * half the worker, and a healthy endpoint's attempts end in milliseconds, so the caps bind only on slow ones.
 * An attempt refused a slot waits until the earliest attempt in its way is due to end (its timeout), then asks
 * again; it uses no attempt number.
 */
export class AttemptSlots {
  private inFlight = 0;
  /** Attempt durations over the whole worker, for a wait on the worker being full. */
  private typicalMs?: number;
  /** Attempt durations per tenant (`t:`) and subscription (`s:`), recent ones weighing most; bounded. */
  private readonly typicalByKey = new Map<string, number>();
  private readonly tenants = new Map<string, Holder>();
  private readonly subscriptions = new Map<string, Holder>();

  constructor(
    readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  get used(): number {
    return this.inFlight;
  }

  /** A slot, or how long to wait before asking again. */
  tryAcquire(tenantId: string, subscriptionId: string, timeoutMs: number): Slot | { retryInMs: number } {
    const tenantCap = share(this.total, this.tenants.size, this.tenants.has(tenantId));
    const tenant = this.tenants.get(tenantId);
    const tenantSubs = tenant?.subscriptions ?? 0;
    const subscription = this.subscriptions.get(subscriptionId);
    const subscriptionCap = share(tenantCap, tenantSubs, subscription !== undefined);
    const full = this.inFlight >= this.total;
    if (full || (tenant?.deadlines.length ?? 0) >= tenantCap || (subscription?.deadlines.length ?? 0) >= subscriptionCap) {
      const bySubscription = !full && (subscription?.deadlines.length ?? 0) >= subscriptionCap;
      const blocking = full ? undefined : bySubscription ? subscription : tenant;
      const typicalMs = full ? this.typicalMs : this.typicalByKey.get(bySubscription ? `s:${subscriptionId}` : `t:${tenantId}`);
      return { retryInMs: this.waitFor(blocking, typicalMs) };
    }
    const startedAt = this.now();
    const deadline = startedAt + timeoutMs;
    const t = this.hold(this.tenants, tenantId, deadline);
    if (!subscription) t.subscriptions++;
    this.hold(this.subscriptions, subscriptionId, deadline);
    this.inFlight++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
        const tookMs = this.now() - startedAt;
        this.typicalMs = typical(this.typicalMs, tookMs);
        this.remember(`s:${subscriptionId}`, tookMs);
        this.remember(`t:${tenantId}`, tookMs);
        this.drop(this.subscriptions, subscriptionId, deadline, () => this.tenants.get(tenantId)!.subscriptions--);
        this.drop(this.tenants, tenantId, deadline);
      },
    };
  }

  private remember(key: string, tookMs: number): void {
    const previous = this.typicalByKey.get(key);
    this.typicalByKey.delete(key);
    if (this.typicalByKey.size >= TYPICAL_KEYS) this.typicalByKey.delete(this.typicalByKey.keys().next().value!);
    this.typicalByKey.set(key, typical(previous, tookMs));
  }

  private hold(holders: Map<string, Holder>, key: string, deadline: number): Holder {
    let holder = holders.get(key);
    if (!holder) holders.set(key, (holder = { deadlines: [], subscriptions: 0 }));
    holder.deadlines.push(deadline);
    return holder;
  }

  private drop(holders: Map<string, Holder>, key: string, deadline: number, onEmpty?: () => void): void {
    const holder = holders.get(key)!;
    holder.deadlines.splice(holder.deadlines.indexOf(deadline), 1);
    if (holder.deadlines.length === 0) {
      holders.delete(key);
      onEmpty?.();
    }
  }

  /**
   * Until one of the attempts holding the way is likely to end: twice their typical duration so far, at most
   * until the earliest is due to end (its timeout), at least a quarter second; spread by up to 20 %. A healthy
   * endpoint's attempts end in milliseconds, so its waiters look again soon; a hanging one's wait for the timeout.
   */
  private waitFor(holder: Holder | undefined, typicalMs: number | undefined): number {
    const untilDue = holder ? Math.min(...holder.deadlines) - this.now() : 1_000;
    const wait = typicalMs === undefined ? untilDue : Math.min(untilDue, 2 * typicalMs);
    return Math.round(Math.max(250, wait) * (1 + 0.2 * Math.random()));
  }
}

interface Holder {
  /** When each attempt this tenant or subscription has in flight is due to end (its timeout). */
  deadlines: number[];
  /** For a tenant: how many of its subscriptions have attempts in flight. */
  subscriptions: number;
}

/** Tenants and subscriptions whose attempt durations are remembered (the least recently used go first). */
const TYPICAL_KEYS = 10_000;

/** A moving average of attempt durations: recent attempts weigh most. */
const typical = (previous: number | undefined, tookMs: number) => (previous === undefined ? tookMs : 0.8 * previous + 0.2 * tookMs);

/** One holder's share of `total` while `holders` hold some (itself among them or not), one share kept free. */
function share(total: number, holders: number, isHolder: boolean): number {
  const others = isHolder ? holders - 1 : holders;
  return Math.max(1, Math.floor(total / (others + 2)));
}
