import { createServer, STATUS_CODES, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface ConnectRequest {
  /** The CONNECT request target, `host:port` (IPv6 in brackets). */
  target: string;
  headers: IncomingHttpHeaders;
}

/**
 * A loopback HTTP CONNECT proxy (what EGRESS_PROXY points at): records every CONNECT target, checks Basic
 * credentials when given some, opens the tunnel, or answers with a refusal when told to.
 */
export class ConnectProxy {
  readonly connects: ConnectRequest[] = [];
  /** Answer every CONNECT with this status instead of opening a tunnel; null: open tunnels. */
  refuseWith: number | null = null;
  url = '';
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly credentials: { username: string; password: string } | null) {}

  static async start(credentials: { username: string; password: string } | null = null): Promise<ConnectProxy> {
    const proxy = new ConnectProxy(credentials);
    await proxy.listen();
    return proxy;
  }

  /** Host and port the proxy listens on, as messages name it. */
  get host(): string {
    return new URL(this.url).host;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  }

  private expectedAuthorization(): string | null {
    if (!this.credentials) return null;
    return 'Basic ' + Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64');
  }

  private listen(): Promise<void> {
    this.server = createServer((_, res) => res.writeHead(405).end('only CONNECT'));
    this.server.on('connect', (req, client: Socket, head: Buffer) => {
      this.track(client);
      const target = req.url ?? '';
      this.connects.push({ target, headers: req.headers });
      const expected = this.expectedAuthorization();
      const status = expected && req.headers['proxy-authorization'] !== expected ? 407 : this.refuseWith;
      if (status !== null) {
        client.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
        return;
      }
      const m = /^\[?([^\]]+)\]?:(\d+)$/.exec(target);
      if (!m) {
        client.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream = this.track(connect(Number(m[2]), m[1]));
      let open = false;
      upstream.on('connect', () => {
        open = true;
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => open && client.destroy());
    });
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        const port = (this.server!.address() as { port: number }).port;
        const auth = this.credentials
          ? `${encodeURIComponent(this.credentials.username)}:${encodeURIComponent(this.credentials.password)}@`
          : '';
        this.url = `http://${auth}127.0.0.1:${port}`;
        resolve();
      });
    });
  }
}
