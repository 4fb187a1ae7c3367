/** One address's current window of failed authentications. */
interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed authentications per client address, in fixed windows that start at an address's first failure. Once an
 * address reaches the limit it must wait for its window to end. Memory is bounded: windows are kept in the order
 * they started, ended ones are dropped from the front, and past `maxAddresses` the oldest goes.
 */
export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Seconds this address must wait before it may try an unknown key again; 0 when it may now. */
  retryAfterSeconds(address: string): number {
    const window = this.current(address);
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures++;
      return;
    }
    this.dropEnded();
    if (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(address, { startedAt: this.now(), failures: 1 });
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.startedAt >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private dropEnded(): void {
    for (const [address, window] of this.windows) {
      if (this.now() - window.startedAt < this.windowMs) return;
      this.windows.delete(address);
    }
  }
}
