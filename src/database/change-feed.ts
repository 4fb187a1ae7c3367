import pg from 'pg';

/** The channel the triggers of the `ChangeFeedTriggers` migration notify on. */
export const CHANGES_CHANNEL = 'hookrelay_changes';

/** What changed: a table (`api_keys`, `tenants`, `event_types`, `subscriptions`) and the tenant it belongs to. */
export interface Change {
  table: string;
  tenantId: string;
}

type Listener = (change: Change | 'all') => void;

const RECONNECT_MS = { first: 250, max: 5_000 };

/**
 * A connection that dies without a word (a dropped NAT entry, a frozen peer) raises no error and hears nothing:
 * every `everyMs` a round trip must come back within `timeoutMs`, else the feed counts as lost.
 */
export interface Keepalive {
  everyMs: number;
  timeoutMs: number;
}
const KEEPALIVE: Keepalive = { everyMs: 5_000, timeoutMs: 5_000 };

/**
 * Postgres `LISTEN` on one connection: every committed change to what the api caches (keys, tenants, the
 * catalog, subscriptions) reaches every process within milliseconds, from whichever process or tool made it
 * (triggers send it, so nothing can forget to). While the connection is down nothing can be trusted to be
 * current: listeners hear `all` and `live` is false until it is back, so caches look everything up meanwhile.
 */
export class ChangeFeed {
  private client: pg.Client | null = null;
  private readonly listeners: Listener[] = [];
  private connected = false;
  private stopped = false;
  private retryMs = RECONNECT_MS.first;
  private retryTimer: NodeJS.Timeout | null = null;
  private keepaliveTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly log: { warn(message: string): void; log(message: string): void },
    private readonly keepalive: Keepalive = KEEPALIVE,
    private readonly applicationName = 'hookrelay-change-feed',
  ) {}

  /** Whether changes are being heard right now (a cache may answer from memory only then). */
  get live(): boolean {
    return this.connected;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Resolves once listening (or once the first try failed: it keeps trying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopKeepalive();
    this.connected = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // TCP keepalive too, so the operating system also gives up on a peer that vanished.
    const client = new pg.Client({ connectionString: this.url, application_name: this.applicationName, keepAlive: true });
    this.client = client;
    client.on('notification', (msg) => {
      const [table, tenantId] = (msg.payload ?? '').split(':');
      if (table && tenantId) this.emit({ table, tenantId });
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      // Anything cached before this moment may have missed a change: start clean.
      this.emit('all');
      this.connected = true;
      this.retryMs = RECONNECT_MS.first;
      this.startKeepalive(client);
    } catch (err) {
      this.lost(client, err as Error);
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (client !== this.client || this.stopped) return;
    const wasConnected = this.connected;
    this.connected = false;
    this.client = null;
    this.stopKeepalive();
    this.emit('all');
    client.end().catch(() => undefined);
    if (wasConnected) this.log.warn(`change feed lost (${err.message}); caches look everything up until it is back`);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
  }

  private startKeepalive(client: pg.Client): void {
    let waiting = false;
    this.keepaliveTimer = setInterval(() => {
      if (waiting || client !== this.client) return;
      waiting = true;
      const deadline = setTimeout(
        () => this.lost(client, new Error(`no answer to a keepalive within ${this.keepalive.timeoutMs} ms`)),
        this.keepalive.timeoutMs,
      );
      deadline.unref();
      client
        .query('SELECT 1')
        .then(() => (waiting = false))
        .catch((err: Error) => this.lost(client, err))
        .finally(() => clearTimeout(deadline));
    }, this.keepalive.everyMs);
    this.keepaliveTimer.unref();
  }

  private stopKeepalive(): void {
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
  }

  private emit(change: Change | 'all'): void {
    for (const listener of this.listeners) listener(change);
  }
}
