// The chaos suite's webhook receiver, on a fixed loopback port so that it can go away and come back.
// It keeps, per webhook-id: how many POSTs arrived, how many it answered 2xx (counted only once the answer was
// actually written: a request the sender gave up on before the answer is not a delivery), and how many requests
// with that id were open at once (two at once means two attempts of one delivery in flight).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * - `up`: answers 200 (after `delayMs`).
 * - `refuse`: not listening at all: connection refused.
 * - `reset`: accepts, reads the request, then destroys the socket without an answer (connection closed).
 * - `slow`: answers 200 only after `slowMs` (longer than the subscription's timeout: the sender gives up first).
 */
export type ReceiverMode = 'up' | 'refuse' | 'reset' | 'slow';

export interface IdRecord {
  posts: number;
  ok: number;
  open: number;
  maxOpen: number;
  firstOkAt: number | null;
  maxAttemptHeader: number;
}

export class ChaosReceiver {
  readonly ids = new Map<string, IdRecord>();
  requests = 0;
  okAnswers = 0;
  /** Requests that arrived while resetting, and slow answers the sender had hung up on. */
  dropped = 0;
  abandoned = 0;
  /** Requests with the same webhook-id open at the same moment, counted once per id. */
  overlappingIds = new Set<string>();
  private mode: ReceiverMode = 'up';
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  delayMs = 0;
  /** Every n-th request (by arrival) is answered only after `longDelayMs` (still within the timeout). */
  longEvery = 0;
  longDelayMs = 0;
  slowMs = 2500;

  private constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(port: number): Promise<ChaosReceiver> {
    const r = new ChaosReceiver(port);
    await r.listen();
    return r;
  }

  get currentMode(): ReceiverMode {
    return this.mode;
  }

  async setMode(mode: ReceiverMode): Promise<void> {
    if (mode === this.mode) return;
    if (mode === 'refuse') await this.unlisten();
    else if (this.mode === 'refuse') await this.listen();
    this.mode = mode;
  }

  okIds(): Set<string> {
    const ids = new Set<string>();
    for (const [id, r] of this.ids) if (r.ok > 0) ids.add(id);
    return ids;
  }

  openRequests(): number {
    let n = 0;
    for (const r of this.ids.values()) n += r.open;
    return n;
  }

  async close(): Promise<void> {
    await this.unlisten();
  }

  private record(id: string): IdRecord {
    let r = this.ids.get(id);
    if (!r) {
      r = { posts: 0, ok: 0, open: 0, maxOpen: 0, firstOkAt: null, maxAttemptHeader: 0 };
      this.ids.set(id, r);
    }
    return r;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const id = String(req.headers['webhook-id'] ?? '');
    const index = this.requests++;
    const rec = this.record(id);
    rec.posts++;
    rec.maxAttemptHeader = Math.max(rec.maxAttemptHeader, Number(req.headers['webhook-attempt'] ?? 0));
    rec.open++;
    if (rec.open > 1) this.overlappingIds.add(id);
    rec.maxOpen = Math.max(rec.maxOpen, rec.open);
    let closed = false;
    const done = () => {
      if (closed) return;
      closed = true;
      rec.open--;
    };
    // 'close' fires when the exchange ends either way: after the answer, or when the sender hangs up first.
    res.once('close', done);
    req.resume();
    req.once('end', () => {
      const mode = this.mode;
      if (mode === 'reset') {
        this.dropped++;
        req.socket.destroy();
        return;
      }
      const wait = mode === 'slow' ? this.slowMs : this.longEvery > 0 && index % this.longEvery === 0 ? this.longDelayMs : this.delayMs;
      const answer = () => {
        if (closed || res.destroyed || req.socket.destroyed) {
          this.abandoned++;
          return;
        }
        res.once('finish', () => {
          rec.ok++;
          this.okAnswers++;
          rec.firstOkAt ??= Date.now();
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      };
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  private unlisten(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    });
  }
}
