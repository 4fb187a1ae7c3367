// B-ingest: the floor under the api's front door. A bare Node HTTP server that parses the JSON body and does one
// INSERT into the same `events` table through `pg` (a pool as large as the service's), then answers 202. No
// framework, no auth, no validation, no routing, no quota: what any ingest endpoint on Node + Postgres costs.
import { createServer } from 'node:http';
import pg from 'pg';
import { newId } from '../src/common/ids.js';

const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['POOL_SIZE'] ?? 20) });
const tenantId = process.env['TENANT_ID']!;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: { type?: string; data?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString()) as typeof body;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const id = newId('evt');
    pool
      .query(`INSERT INTO events (id, tenant_id, type, data_text, occurred_at) VALUES ($1, $2, $3, $4, now())`, [
        id,
        tenantId,
        body.type ?? 'bare',
        JSON.stringify(body.data ?? {}),
      ])
      .then(
        () => res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
        (err: Error) => res.writeHead(500).end(err.message),
      );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'stop') server.close(() => void pool.end().then(() => process.exit(0)));
});
