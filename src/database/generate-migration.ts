// Usage: npm run migration:generate -- <Name>
// Writes src/database/migrations/<timestamp>-<Name>.ts with what the entities need beyond the current migrations.
import { writeFileSync } from 'node:fs';
import { createDataSource, dropDatabase, ensureDatabase } from './data-source.js';
import { pendingSchemaChanges } from './schema-diff.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const url = `postgres://postgres@127.0.0.1:5432/webhooks_migration_${process.pid}`;
await ensureDatabase(url);
const ds = createDataSource(url, 2);
await ds.initialize();
try {
  await ds.runMigrations();
  const { up, down } = await pendingSchemaChanges(ds);
  if (up.length === 0) {
    console.log('entities and migrations agree: nothing to generate');
  } else {
    const ts = Date.now();
    const quote = (q: string) => `    await q.query(${JSON.stringify(q)});`;
    const file = `src/database/migrations/${ts}-${name}.ts`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${name}${ts} implements MigrationInterface {\n` +
        `  name = '${name}${ts}';\n\n` +
        `  async up(q: QueryRunner): Promise<void> {\n${up.map(quote).join('\n')}\n  }\n\n` +
        `  async down(q: QueryRunner): Promise<void> {\n${down.reverse().map(quote).join('\n')}\n  }\n}\n`,
    );
    console.log(`wrote ${file}; add it to src/database/migrations/index.ts`);
  }
} finally {
  await ds.destroy();
  await dropDatabase(url);
}
