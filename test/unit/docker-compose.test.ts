import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { envSchema } from '../../src/config.js';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

// No Docker engine in CI: what can be checked without one is checked on the parsed file.
describe('docker-compose.yml and the image', () => {
  const compose = parse(readFileSync(resolve('docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const app = ['migrate', 'api', 'worker'].map((name) => [name, compose.services[name]] as const);

  it('one image for migrate, api and worker, built once under one name', () => {
    for (const [name, service] of app) {
      assert.ok(service, `service ${name}`);
      assert.equal(service.image, 'hookrelay:local', `${name} names the image it builds`);
    }
    for (const [name, service] of Object.entries(compose.services))
      assert.ok(!service.build || service.image, `${name}: build without image builds an image of its own`);
  });

  it('migrate runs first; api and worker check the schema, each with a healthcheck', () => {
    assert.deepEqual(compose.services['migrate'].command?.slice(-2), ['--role', 'migrate']);
    for (const [name, service] of app.slice(1)) {
      assert.equal(service.depends_on?.['migrate']?.condition, 'service_completed_successfully', name);
      assert.equal(service.environment?.['MIGRATIONS'], 'check', name);
      assert.match(service.healthcheck?.test.join(' ') ?? '', /\/health/, `${name} has a healthcheck`);
    }
    assert.ok(Number.parseInt(compose.services['worker'].stop_grace_period ?? '0') > 90, "the worker's stop grace exceeds its 90 s");
  });

  it('the keys come from .env (never generated per `up`); receivers on the host are allowed; every variable is one the service reads', () => {
    const env = compose.services['api'].environment ?? {};
    assert.match(env['SECRETS_KEY'] ?? '', /^\$\{SECRETS_KEY:\?/);
    assert.match(env['BOOTSTRAP_API_KEY'] ?? '', /^\$\{BOOTSTRAP_API_KEY:\?/);
    assert.match(env['ALLOW_HTTP_TARGETS'] ?? '', /true/);
    assert.match(env['ALLOWED_PRIVATE_CIDRS'] ?? '', /172\.16\.0\.0\/12/);
    const known = new Set(Object.keys(envSchema.shape));
    for (const name of Object.keys(env)) assert.ok(known.has(name) || /^TEMPORAL_/.test(name), `${name} is not read by src/config.ts`);
    const docs = readFileSync(resolve('docs/operating.md'), 'utf8');
    const commands = docs.slice(docs.indexOf('## Running with Docker'));
    assert.match(commands, /test -f \.env \|\| printf 'SECRETS_KEY=/, 'the documented start writes the keys once');
    assert.doesNotMatch(commands, /SECRETS_KEY=\$\(openssl rand -hex 32\)[^\n]*docker compose up/, 'no new key per up');
  });

  it('the image runs as a user, and a local .env stays out of it', () => {
    const users = [...readFileSync(resolve('Dockerfile'), 'utf8').matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    assert.ok(users.length > 0 && !['root', '0'].includes(users.at(-1) ?? ''), `USER ${users.at(-1)}`);
    const ignored = readFileSync(resolve('.dockerignore'), 'utf8').split('\n');
    assert.ok(ignored.includes('.env'), '.env in .dockerignore');
  });
});
