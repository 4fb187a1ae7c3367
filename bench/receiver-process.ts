// The benchmark's receiver, in a process of its own so that it does not share the service's event loop.
// Answers 200 (or 500 under /fail), records each webhook's arrival, and reports over IPC.
import { createServer } from 'node:http';

interface Arrival {
  id: string;
  path: string;
  at: number;
  /** `data.sentAt` of the event: when the generator meant to send it. */
  sentAt: number | null;
}

let arrivals: Arrival[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    let sentAt: number | null = null;
    try {
      sentAt = (JSON.parse(Buffer.concat(chunks).toString()) as { data?: { sentAt?: number } }).data?.sentAt ?? null;
    } catch {
      // not an envelope: no timing
    }
    arrivals.push({ id: String(req.headers['webhook-id'] ?? ''), path: req.url ?? '/', at, sentAt });
    res.writeHead(req.url?.startsWith('/fail') ? 500 : 200).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));

process.on('message', (msg: { cmd: string; path?: string }) => {
  if (msg.cmd === 'take') {
    const prefix = msg.path ?? '/';
    process.send!({ arrivals: arrivals.filter((a) => a.path.startsWith(prefix)) });
  } else if (msg.cmd === 'count') {
    const prefix = msg.path ?? '/';
    process.send!({ count: arrivals.filter((a) => a.path.startsWith(prefix)).length });
  } else if (msg.cmd === 'reset') {
    arrivals = [];
    process.send!({ ok: true });
  } else if (msg.cmd === 'stop') {
    server.close(() => process.exit(0));
  }
});
