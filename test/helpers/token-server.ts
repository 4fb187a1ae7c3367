import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface TokenRequest {
  clientId: string | null;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

/**
 * An OAuth2 token endpoint on loopback (client-credentials grant, client_secret_basic): counts every request,
 * issues random bearer tokens that live `expiresIn` seconds, and knows which ones it issued and still honours.
 */
export class TokenServer {
  readonly requests: TokenRequest[] = [];
  /** Tokens a receiver should accept; clear it to revoke them all. */
  readonly valid = new Set<string>();
  expiresIn = 3600;
  url = '';
  private server?: Server;

  private constructor(private readonly clients: Record<string, string>) {}

  /** `clients`: client id -> secret. */
  static async start(clients: Record<string, string>): Promise<TokenServer> {
    const s = new TokenServer(clients);
    await s.listen();
    return s;
  }

  requestsOf(clientId: string): TokenRequest[] {
    return this.requests.filter((r) => r.clientId === clientId);
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
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
        const [id, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent) : [null, null];
        this.requests.push({ clientId: id, headers: req.headers, form });
        const answer = (status: number, body: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (form.get('grant_type') !== 'client_credentials') return answer(400, { error: 'unsupported_grant_type' });
        if (!id || this.clients[id] === undefined || this.clients[id] !== secret)
          return answer(401, { error: 'invalid_client', error_description: 'client authentication failed' });
        const token = `tok_${randomBytes(12).toString('hex')}`;
        this.valid.add(token);
        answer(200, { access_token: token, token_type: 'Bearer', expires_in: this.expiresIn });
      });
    });
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}/oauth/token`;
        resolve();
      });
    });
  }
}
