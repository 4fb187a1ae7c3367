import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const DIR = resolve('src/database/migrations');

/** Written before the rules: they lock tables through scans (see issue 23); never edited, never copied from. */
const GRANDFATHERED = [
  '1795621135737-Initial',
  '1795622572908-SubscriptionFailingSince',
  '1795622646530-HeldDeliveriesIndex',
  '1795630519261-SubscriptionCircuitBreaker',
  '1795672324365-SignatureTimestamped',
  '1795682000000-DeliveryWaitingFor',
  '1795682317365-FifoLines',
  '1795682967417-IngestQuota',
  '1795683037357-ChangeFeedTriggers',
  '1795684000000-SubscriptionFlowLimits',
  '1795685000000-Ed25519Keys',
  '1796250931093-RetentionPurge',
  '1796252872123-Replays',
  '1796300000000-AttemptCapture',
  '1796301000000-TenantsActingAndScopedKeys',
  '1796420000000-TraceContext',
  '1796440000000-ExactEventData',
  '1796450000000-FifoLineHolders',
  '1796450001000-RateQueueIndex',
  '1796460000000-KeyMakers',
  '1796470000000-DeliveryRedeliveryOf',
];
const LAST_GRANDFATHERED = 1796470000000;

const DDL = /^\s*(CREATE|ALTER|DROP|COMMENT|REINDEX|CLUSTER|TRUNCATE|VACUUM|GRANT|REVOKE)\b/i;

/** The SQL text of every string literal in `code` (quotes, apostrophes, template literals). */
const literals = (code: string) => [...code.matchAll(/(['"`])((?:\\.|(?!\1)[\s\S])*)\1/g)].map((m) => m[2]);

/** What in a migration's source breaks the online rules (docs/operating.md, Deploying a schema change). */
export function onlineProblems(source: string): string[] {
  const start = source.search(/\basync up\s*\(/);
  const end = source.search(/\basync down\s*\(/);
  const up = start < 0 ? source : source.slice(start, end > start ? end : undefined);
  const statements = literals(up).filter((s) => DDL.test(s));
  const problems: string[] = [];
  if (statements.length > 1) problems.push(`${statements.length} DDL statements: one per migration`);
  const outsideTransaction = /\btransaction\s*=\s*false\b/.test(source);
  const lockTimeout = /\bwithLockTimeout\s*\(/.test(up) || literals(up).some((s) => /\bSET\s+(LOCAL\s+)?lock_timeout\b/i.test(s));
  for (const sql of statements) {
    const index = /^\s*CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(sql);
    if (index && !/\bINDEX\s+CONCURRENTLY\b/i.test(sql)) problems.push('CREATE INDEX without CONCURRENTLY');
    if (/\bCONCURRENTLY\b/i.test(sql) && !outsideTransaction) problems.push('CONCURRENTLY needs `transaction = false`');
    if (/^\s*ALTER\s+TABLE\b/i.test(sql) && !lockTimeout) problems.push('ALTER TABLE without a lock_timeout (withLockTimeout)');
    if (/\bADD\s+CONSTRAINT\b[\s\S]*\b(FOREIGN\s+KEY|CHECK)\b/i.test(sql) && !/\bNOT\s+VALID\b/i.test(sql))
      problems.push('ADD CONSTRAINT (foreign key or check) without NOT VALID: add it NOT VALID, VALIDATE it in the next migration');
  }
  return problems;
}

describe('migrations are online-safe', () => {
  const files = readdirSync(DIR)
    .filter((f) => /^\d+-\w+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''));

  it('the grandfathered migrations are exactly those up to the last one written before the rules', () => {
    assert.deepEqual(
      files.filter((f) => Number(f.split('-')[0]) <= LAST_GRANDFATHERED),
      GRANDFATHERED,
      `a new migration takes a timestamp after ${LAST_GRANDFATHERED}`,
    );
  });

  it('every newer migration: one DDL step, indexes concurrently outside a transaction, lock_timeout, NOT VALID', () => {
    const index = readFileSync(join(DIR, 'index.ts'), 'utf8');
    for (const file of files.filter((f) => !GRANDFATHERED.includes(f))) {
      assert.deepEqual(onlineProblems(readFileSync(join(DIR, `${file}.ts`), 'utf8')), [], file);
      assert.ok(index.includes(`'./${file}.js'`), `${file} is listed in src/database/migrations/index.ts`);
    }
  });

  it('the rules refuse what would lock a busy table', () => {
    const migration = (up: string, extra = '') => `export class M1796490000000 { ${extra} async up(q) { ${up} } async down(q) {} }`;
    assert.deepEqual(onlineProblems(migration(`await q.query('CREATE INDEX "i" ON "deliveries" ("a")');`)), [
      'CREATE INDEX without CONCURRENTLY',
    ]);
    assert.deepEqual(onlineProblems(migration(`await q.query('CREATE INDEX CONCURRENTLY "i" ON "deliveries" ("a")');`)), [
      'CONCURRENTLY needs `transaction = false`',
    ]);
    assert.deepEqual(
      onlineProblems(
        migration(`await q.query('CREATE UNIQUE INDEX CONCURRENTLY "i" ON "deliveries" ("a")');`, 'transaction = false as const;'),
      ),
      [],
    );
    assert.deepEqual(onlineProblems(migration(`await q.query('ALTER TABLE "deliveries" ADD "b" int');`)), [
      'ALTER TABLE without a lock_timeout (withLockTimeout)',
    ]);
    assert.deepEqual(onlineProblems(migration(`await withLockTimeout(q, 'ALTER TABLE "deliveries" ADD "b" int');`)), []);
    assert.deepEqual(
      onlineProblems(migration(`await q.query("SET LOCAL lock_timeout = '5s'"); await q.query('ALTER TABLE "deliveries" ADD "b" int');`)),
      [],
    );
    assert.deepEqual(
      onlineProblems(
        migration(
          `await q.query('ALTER TABLE "deliveries" ADD "b" int'); await q.query('CREATE INDEX CONCURRENTLY "i" ON "deliveries" ("b")');`,
        ),
      ),
      [
        '2 DDL statements: one per migration',
        'ALTER TABLE without a lock_timeout (withLockTimeout)',
        'CONCURRENTLY needs `transaction = false`',
      ],
    );
    assert.deepEqual(
      onlineProblems(migration(`await withLockTimeout(q, 'ALTER TABLE "a" ADD CONSTRAINT "fk" FOREIGN KEY ("b") REFERENCES "b" ("id")');`)),
      ['ADD CONSTRAINT (foreign key or check) without NOT VALID: add it NOT VALID, VALIDATE it in the next migration'],
    );
    assert.deepEqual(
      onlineProblems(migration(`await withLockTimeout(q, 'ALTER TABLE "a" ADD CONSTRAINT "c" CHECK (b > 0) NOT VALID');`)),
      [],
    );
  });

  it('the grandfathered ones would be refused today (the rules see what the issue saw)', () => {
    const fifo = onlineProblems(readFileSync(join(DIR, '1795682317365-FifoLines.ts'), 'utf8'));
    assert.ok(fifo.includes('CREATE INDEX without CONCURRENTLY'), fifo.join('; '));
  });
});
