// Usage: SECRETS_KEY=<new> SECRETS_KEY_PREVIOUS=<old> npm run secrets:reencrypt
// Reseals every subscription credential with the current SECRETS_KEY (all of them: a rare, small job);
// afterwards the old key can be dropped from SECRETS_KEY_PREVIOUS.
import { loadConfig } from '../config.js';
import { createDataSource } from '../database/data-source.js';
import { SecretBox } from './secret-box.js';
import { openSecrets, sealHeaders, sealSecrets, secretHeaderNames, type SubscriptionSecrets } from './subscription-secrets.js';

const config = loadConfig(process.env);
const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
const db = createDataSource(config.databaseUrl, 2);
await db.initialize();
let resealed = 0;
try {
  const rows: (SubscriptionSecrets & { id: string })[] = await db.query(
    `SELECT id, secret, previous_secret AS "previousSecret", auth, headers, client_tls AS "clientTls" FROM subscriptions`,
  );
  for (const row of rows) {
    const opened = openSecrets(box, row);
    // A header stays secret if it was (sealed, or named like a credential: those stored plain get sealed now).
    const secret = new Set(secretHeaderNames(row.headers ?? {}));
    const headers = Object.fromEntries(
      Object.entries(opened.headers ?? {}).map(([name, value]) => [name, secret.has(name) ? { value, secret: true as const } : value]),
    );
    const fresh = { ...sealSecrets(box, opened), headers: sealHeaders(box, headers) };
    await db.query(`UPDATE subscriptions SET secret = $2, previous_secret = $3, auth = $4, headers = $5, client_tls = $6 WHERE id = $1`, [
      row.id,
      fresh.secret,
      fresh.previousSecret,
      fresh.auth ? JSON.stringify(fresh.auth) : null,
      JSON.stringify(fresh.headers),
      fresh.clientTls ? JSON.stringify(fresh.clientTls) : null,
    ]);
    resealed++;
  }
  console.log(`resealed the credentials of ${resealed} subscriptions with the current SECRETS_KEY`);
} finally {
  await db.destroy();
}
