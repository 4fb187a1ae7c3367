import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseEnv } from 'node:util';
import { envSchema, loadConfig } from '../../src/config.js';

/** The variables named in the first column of docs/operating.md's configuration table (`A` / `B`, `X_PATH` / `_DATA`). */
function documentedVariables(): Set<string> {
  const doc = readFileSync(resolve('docs/operating.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Configuration'), doc.indexOf('\n## ', doc.indexOf('## Configuration') + 1));
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    let previous = '';
    for (const [, token] of line.split('|')[1].matchAll(/`([A-Z_][A-Z0-9_]*)`/g)) {
      const name = token.startsWith('_') ? previous.replace(/_[A-Z]+$/, token) : token;
      names.add(name);
      previous = name;
    }
  }
  return names;
}

describe('.env.example and the configuration table', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookrelay-env-example-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('.env.example loads as written with `node --env-file` and keeps every embedded default', () => {
    // The file as `node --env-file` reads it, in a process of its own: only DATA_DIR (where the embedded mode
    // keeps its generated keys) comes from outside, so the run leaves nothing in the checkout.
    const script = `import { loadConfig } from ${JSON.stringify(resolve('dist/src/config.js'))};
      process.stdout.write(JSON.stringify(loadConfig(process.env)));`;
    const out = execFileSync(process.execPath, ['--env-file=.env.example', '--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    const loaded = JSON.parse(out) as ReturnType<typeof loadConfig>;
    const defaults = JSON.parse(JSON.stringify(loadConfig({ DATA_DIR: dataDir }))) as ReturnType<typeof loadConfig>;
    assert.deepEqual(loaded, defaults, 'the example sets each variable to its default (or leaves it unset)');
    assert.equal(loaded.allowHttpTargets, true, 'embedded mode: http:// targets allowed');
    assert.deepEqual(loaded.allowedPrivateCidrs, ['127.0.0.0/8', '::1/128'], 'embedded mode: this machine reachable');
    assert.match(loaded.secretsKey, /^[0-9a-f]{64}$/);
  });

  it('an empty variable is unset; ALLOWED_PRIVATE_CIDRS=none turns the embedded ranges off', () => {
    const empty = loadConfig({
      DATA_DIR: dataDir,
      SECRETS_KEY: '',
      SECRETS_KEY_PREVIOUS: '',
      ALLOW_HTTP_TARGETS: '',
      ALLOWED_PRIVATE_CIDRS: '',
    });
    assert.equal(empty.allowHttpTargets, true);
    assert.deepEqual(empty.allowedPrivateCidrs, ['127.0.0.0/8', '::1/128']);
    assert.deepEqual(empty.previousSecretsKeys, []);
    assert.deepEqual(loadConfig({ DATA_DIR: dataDir, ALLOWED_PRIVATE_CIDRS: 'none' }).allowedPrivateCidrs, []);
  });

  it('every variable config.ts reads is in docs/operating.md and .env.example', () => {
    const documented = documentedVariables();
    const example = Object.keys(parseEnv(readFileSync(resolve('.env.example'), 'utf8')));
    const read = Object.keys(envSchema.shape);
    assert.ok(read.length > 30, `config.ts's variables found (${read.length})`);
    assert.deepEqual(
      read.filter((name) => !documented.has(name)),
      [],
      "read by src/config.ts but missing from docs/operating.md's table",
    );
    assert.deepEqual(
      read.filter((name) => !example.includes(name)),
      [],
      'read by src/config.ts but missing from .env.example',
    );
  });
});
