import type { DataSource } from 'typeorm';
import { SecretBox } from './secret-box.js';
import { openSecrets, sealHeaders, sealSecrets, secretHeaderNames, type SubscriptionSecrets } from './subscription-secrets.js';

type StoredRow = SubscriptionSecrets & { id: string };

export interface ReencryptionProgress {
  /** Resealed with the current key in this run. */
  resealed: number;
  /** Already sealed with the current key (a rerun passes over them without writing). */
  current: number;
  /** Changed by someone else each time this run tried them (a PATCH, a rotation): rerun to seal them. */
  contended: string[];
  /** The last id done: `--after <id>` resumes from here. */
  lastId: string | null;
}

export interface ReencryptionOptions {
  /** Start after this subscription id (resume); null: from the first. */
  after?: string | null;
  batchSize?: number;
  /** Called after each batch with the counts so far. */
  onBatch?: (progress: ReencryptionProgress) => void;
}

/** Tries per row: a row changed between our read and our write is read again, this many times. */
const TRIES = 3;

const COLUMNS = `id, secret, previous_secret AS "previousSecret", auth, headers, client_tls AS "clientTls"`;

/**
 * Reseals every subscription credential with the current SECRETS_KEY, in batches by id. Each row is written only
 * if its sealed values are still those read (a conditional UPDATE), so a rotate-secret or PATCH that lands in
 * between is never overwritten with the old secret: the row is read again and resealed from its new values.
 * Rows already sealed with the current key are not written, so a rerun is cheap and changes nothing.
 */
export async function reencryptSubscriptions(
  db: DataSource,
  box: SecretBox,
  options: ReencryptionOptions = {},
): Promise<ReencryptionProgress> {
  const batchSize = options.batchSize ?? 500;
  const progress: ReencryptionProgress = { resealed: 0, current: 0, contended: [], lastId: options.after ?? null };
  for (;;) {
    const rows: StoredRow[] = await db.query(
      `SELECT ${COLUMNS} FROM subscriptions WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [progress.lastId, batchSize],
    );
    if (rows.length === 0) return progress;
    for (const row of rows) {
      const outcome = await resealRow(db, box, row);
      if (outcome === 'resealed') progress.resealed++;
      else if (outcome === 'current') progress.current++;
      else if (outcome === 'contended') progress.contended.push(row.id);
    }
    progress.lastId = rows[rows.length - 1].id;
    options.onBatch?.(progress);
  }
}

/** Subscriptions with a credential not sealed with the current key (what a finished rotation leaves: none). */
export async function countStale(db: DataSource, box: SecretBox): Promise<number> {
  let stale = 0;
  let after: string | null = null;
  for (;;) {
    const rows: StoredRow[] = await db.query(
      `SELECT ${COLUMNS} FROM subscriptions WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT 1000`,
      [after],
    );
    if (rows.length === 0) return stale;
    stale += rows.filter((row) => !sealedWithCurrentKey(box, row)).length;
    after = rows[rows.length - 1].id;
  }
}

async function resealRow(db: DataSource, box: SecretBox, first: StoredRow): Promise<'resealed' | 'current' | 'gone' | 'contended'> {
  let row: StoredRow | undefined = first;
  for (let tries = 0; tries < TRIES; tries++) {
    if (!row) return 'gone';
    if (sealedWithCurrentKey(box, row)) return 'current';
    const fresh = resealed(box, row);
    const written: unknown[] = await db.query(
      `UPDATE subscriptions SET secret = $2, previous_secret = $3, auth = $4, headers = $5, client_tls = $6
        WHERE id = $1 AND secret = $7 AND previous_secret IS NOT DISTINCT FROM $8
          AND auth IS NOT DISTINCT FROM $9::jsonb AND headers = $10::jsonb AND client_tls IS NOT DISTINCT FROM $11::jsonb
        RETURNING id`,
      [row.id, fresh.secret, fresh.previousSecret, json(fresh.auth), JSON.stringify(fresh.headers), json(fresh.clientTls)].concat([
        row.secret,
        row.previousSecret,
        json(row.auth),
        JSON.stringify(row.headers ?? {}),
        json(row.clientTls),
      ]),
    );
    if (affected(written) > 0) return 'resealed';
    [row] = await db.query<StoredRow[]>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, [first.id]);
  }
  return 'contended';
}

const json = (v: unknown) => (v ? JSON.stringify(v) : null);

/** TypeORM's query() gives an UPDATE as [rows, row count]. */
function affected(result: unknown[]): number {
  const [rows, count] = result as [unknown[], number];
  return typeof count === 'number' ? count : Array.isArray(rows) ? rows.length : 0;
}

function resealed(box: SecretBox, row: StoredRow): SubscriptionSecrets {
  const opened = openSecrets(box, row);
  // A header stays secret if it was (sealed, or named like a credential: those stored plain get sealed now).
  const secret = new Set(secretHeaderNames(row.headers ?? {}));
  const headers = Object.fromEntries(
    Object.entries(opened.headers ?? {}).map(([name, value]) => [name, secret.has(name) ? { value, secret: true as const } : value]),
  );
  return { ...sealSecrets(box, opened), headers: sealHeaders(box, headers) };
}

/** Every credential of the row sealed with the current key, and no credential header stored in clear. */
function sealedWithCurrentKey(box: SecretBox, row: StoredRow): boolean {
  const sealed: (string | null | undefined)[] = [row.secret, row.previousSecret, row.clientTls?.privateKey];
  const auth = row.auth;
  if (auth) sealed.push(auth.type === 'basic' ? auth.password : auth.type === 'bearer' ? auth.token : auth.clientSecret);
  const headers = row.headers ?? {};
  for (const name of secretHeaderNames(headers)) {
    if (!SecretBox.isSealed(headers[name])) return false;
    sealed.push(headers[name]);
  }
  return sealed.every((v) => !v || SecretBox.keyIdOf(v) === box.currentKeyId);
}
