/**
 * Hashes of API keys this process has recently seen valid, least recently seen first and bounded. Such a key is
 * still looked up on every request (revocation is immediate); knowing it only lets it past the failed-auth gate,
 * so that a valid key keeps working from an address that is also sending bad ones.
 */
export class KnownKeys {
  private readonly hashes = new Set<string>();

  constructor(private readonly max = 10_000) {}

  has(hash: string): boolean {
    return this.hashes.has(hash);
  }

  remember(hash: string): void {
    this.hashes.delete(hash);
    this.hashes.add(hash);
    if (this.hashes.size > this.max) this.hashes.delete(this.hashes.values().next().value!);
  }

  forget(hash: string): void {
    this.hashes.delete(hash);
  }
}
