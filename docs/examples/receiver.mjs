// A webhook receiver in Node's standard library, verifying with the Standard Webhooks library.
//   npm install standardwebhooks
//   WEBHOOK_SECRET=whsec_... PORT=8080 node receiver.mjs
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WEBHOOK_SECRET); // the whsec_... shown once when the subscription was created
const seen = new Set(); // use your database in earnest: a unique index on webhook-id

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8'); // the raw body, exactly as sent: never re-serialised JSON
    let event;
    try {
      event = webhook.verify(body, req.headers); // checks the signature and the timestamp's age
    } catch {
      res.writeHead(400).end();
      return;
    }
    const webhookId = req.headers['webhook-id']; // the same on every retry and redelivery of this event
    if (!seen.has(webhookId)) {
      seen.add(webhookId);
      // Answer fast: hand the work to a queue of your own, then say 2xx.
      console.log(JSON.stringify({ verified: webhookId, type: event.type }));
    }
    res.writeHead(204).end();
  });
});
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => console.log(JSON.stringify({ listening: server.address().port })));
