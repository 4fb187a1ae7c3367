import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** Over https: the subject CN of the client certificate presented, or null without one. */
  clientCertificate?: string | null;
}

export interface ReceiverAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

type Responder = (req: ReceivedRequest, index: number) => ReceiverAnswer;

/** A webhook receiver on loopback: records every request and answers whatever the test asks. */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  private responder: Responder = () => ({ status: 200, body: 'ok' });
  private waiters: { n: number; resolve: () => void }[] = [];
  private server?: Server;
  url = '';

  /** With `tls`, an https receiver (e.g. `requestCert` and `rejectUnauthorized` for mutual TLS). */
  static async start(tls?: ServerOptions): Promise<TestReceiver> {
    const receiver = new TestReceiver();
    await receiver.listen(tls);
    return receiver;
  }

  /** Answers by a function of the request and its 0-based index. */
  respond(responder: Responder): this {
    this.responder = responder;
    return this;
  }

  /** Answers with these statuses in turn, then 200. */
  respondWith(...statuses: number[]): this {
    return this.respond((_, i) => ({ status: statuses[i] ?? 200, body: `answer ${i + 1}` }));
  }

  async waitForRequests(n: number, timeoutMs = 30_000): Promise<ReceivedRequest[]> {
    if (this.requests.length < n) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver got ${this.requests.length} of ${n} requests within ${timeoutMs} ms`)),
          timeoutMs,
        );
        this.waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    }
    return this.requests;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private listen(tls?: ServerOptions): Promise<void> {
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received: ReceivedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
          ...(tls && { clientCertificate: String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '') || null }),
        };
        const index = this.requests.length;
        this.requests.push(received);
        const answer = this.responder(received, index);
        const send = () => {
          res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
          res.end(answer.body ?? '');
          this.waiters = this.waiters.filter((w) => (this.requests.length >= w.n ? (w.resolve(), false) : true));
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs);
        else send();
      });
    };
    this.server = tls ? createHttpsServer(tls, handle) : createServer(handle);
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        this.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
        resolve();
      });
    });
  }
}
