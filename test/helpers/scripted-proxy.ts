import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** What the proxy does with one request: pass it on, answer it itself, or pass it on and then lose the answer. */
export type ProxyStep = 'forward' | 'forward-then-drop' | { status: number; headers?: Record<string, string>; body?: string };

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  step: ProxyStep;
}

/**
 * A loopback proxy in front of the service that plays a script of failures (a 429, a 503, an answer lost on the
 * wire), so client retries can be tested against the real service behind it.
 */
export class ScriptedProxy {
  readonly requests: ProxiedRequest[] = [];
  url = '';
  private server?: Server;

  private constructor(
    private readonly target: string,
    private readonly script: ProxyStep[],
  ) {}

  /** Plays `script` in order, one step per request, then forwards everything. */
  static async start(target: string, script: ProxyStep[]): Promise<ScriptedProxy> {
    const proxy = new ScriptedProxy(target, [...script]);
    await proxy.listen();
    return proxy;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const step = this.script.shift() ?? 'forward';
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, step });
        if (typeof step === 'object') {
          res.writeHead(step.status, step.headers).end(step.body ?? '');
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection' && k !== 'content-length'),
        ) as Record<string, string>;
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(this.target + (req.url ?? ''), { method: req.method, headers, body });
        const text = await answer.text();
        if (step === 'forward-then-drop') {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(text);
      });
    });
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
        resolve();
      });
    });
  }
}
