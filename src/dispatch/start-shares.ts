/**
 * Who may start the next workflow: a tenant's share of the starts in flight. While other tenants are active
 * (they handed deliveries over within `activeMs`, even if none of theirs is waiting right now) one tenant has at
 * most `perTenant` starts in flight, so a burst enters the engine a few at a time and the others' next delivery
 * finds only those few ahead of it, in the engine's queues as well as here. Alone, a tenant may use every slot.
 */
export class StartShares {
  private readonly inFlight = new Map<string, number>();
  private readonly lastSeen = new Map<string, number>();

  constructor(
    private readonly perTenant: number,
    private readonly activeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tenant handed over deliveries. */
  seen(tenantId: string): void {
    this.lastSeen.delete(tenantId); // Map order: oldest first, for the pruning below
    this.lastSeen.set(tenantId, this.now());
  }

  /** Tenants active within the window (each recently seen, or with a start in flight). */
  get active(): number {
    const since = this.now() - this.activeMs;
    for (const [tenantId, at] of this.lastSeen) {
      if (at >= since) break;
      this.lastSeen.delete(tenantId);
    }
    let n = this.lastSeen.size;
    for (const tenantId of this.inFlight.keys()) if (!this.lastSeen.has(tenantId)) n++;
    return n;
  }

  mayStart(tenantId: string): boolean {
    return (this.inFlight.get(tenantId) ?? 0) < this.perTenant || this.active <= 1;
  }

  started(tenantId: string): void {
    this.inFlight.set(tenantId, (this.inFlight.get(tenantId) ?? 0) + 1);
  }

  ended(tenantId: string): void {
    const left = (this.inFlight.get(tenantId) ?? 1) - 1;
    if (left === 0) this.inFlight.delete(tenantId);
    else this.inFlight.set(tenantId, left);
  }
}
