import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { forward, forwardedHeaders, type ForwardResult } from './forward.js';

/** One request the service sent, as `listen` prints it. */
export interface RelayedDelivery {
  at: Date;
  eventType: string;
  webhookId: string;
  attempt: string;
  verdict: 'ok' | 'bad signature';
  /** What the app answered; null when the request was not forwarded (bad signature). */
  forwarded: ForwardResult | null;
  /** What the service was answered, and so what it records for the attempt. */
  answeredStatus: number;
}

export interface RelayOptions {
  host: string;
  port: number;
  forwardTo: string;
  /** Below the subscription's own timeout, so the service records the app's timeout as our 504. */
  forwardTimeoutMs: number;
  onDelivery: (delivery: RelayedDelivery) => void;
}

/**
 * The local endpoint `listen` subscribes: verifies each request's Standard Webhooks signature, forwards the exact
 * body and webhook headers to the developer's app, and answers the service with the app's status and body.
 */
export class RelayServer {
  private server?: Server;
  private webhook?: Webhook;
  url = '';

  constructor(private readonly options: RelayOptions) {}

  /** Known once the subscription exists; until then requests are answered 503 (the service retries them). */
  useSecret(secret: string): void {
    this.webhook = new Webhook(secret);
  }

  listen(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, contentType, body }) => {
        res.writeHead(status, contentType ? { 'content-type': contentType } : {});
        res.end(body);
      });
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host, () => {
        const { port } = this.server!.address() as { port: number };
        this.url = `http://${this.options.host}:${port}/`;
        resolve(this.url);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; contentType: string | null; body: Buffer | string }> {
    const body = await readBody(req);
    if (!this.webhook) return { status: 503, contentType: 'text/plain', body: 'hookrelay listen is starting' };
    const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : '');
    const delivery = {
      at: new Date(),
      eventType: header('webhook-event-type') || '?',
      webhookId: header('webhook-id') || '?',
      attempt: header('webhook-attempt') || '?',
    };

    if (!this.verifies(body, req.headers)) {
      this.options.onDelivery({ ...delivery, verdict: 'bad signature', forwarded: null, answeredStatus: 401 });
      return { status: 401, contentType: 'text/plain', body: 'bad signature: not forwarded by hookrelay listen' };
    }
    const forwarded = await forward(this.options.forwardTo, body, forwardedHeaders(req.headers), this.options.forwardTimeoutMs);
    const answer =
      'error' in forwarded
        ? {
            status: forwarded.error.startsWith('timed out') ? 504 : 502,
            contentType: 'text/plain',
            body: `hookrelay listen: ${this.options.forwardTo}: ${forwarded.error}`,
          }
        : { status: forwarded.status, contentType: forwarded.contentType, body: forwarded.body };
    this.options.onDelivery({ ...delivery, verdict: 'ok', forwarded, answeredStatus: answer.status });
    return answer;
  }

  private verifies(body: Buffer, headers: IncomingMessage['headers']): boolean {
    try {
      this.webhook!.verify(body.toString('utf8'), headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
