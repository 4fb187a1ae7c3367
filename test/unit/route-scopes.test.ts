import 'reflect-metadata';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { openApiDocument } from '../../src/app.js';
import { AppModule } from '../../src/app.module.js';
import { AdminKeyGuard } from '../../src/auth/admin-key.guard.js';
import { REQUIRED_SCOPE } from '../../src/auth/require-scope.js';
import { TENANT_SCOPES } from '../../src/auth/scope-rules.js';
import { loadConfig } from '../../src/config.js';

// Every /v1 route says who may call it: a tenant scope (@RequireScope) or ADMIN_API_KEY (@AdminKeyAuth). The
// application is only scanned (preview mode): no database, no Temporal.
describe('every /v1 route declares the scope it needs', () => {
  let app: INestApplication;
  before(async () => {
    const config = loadConfig(
      { TEMPORAL_ADDRESS: 'unused:7233', SECRETS_KEY: '0'.repeat(64), DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' },
      'api',
    );
    app = await NestFactory.create(AppModule.forRole(config), new FastifyAdapter(), { preview: true, logger: false, bodyParser: false });
  });
  after(async () => app?.close());

  it('in the OpenAPI document: x-required-scope, or x-required-credential ADMIN_API_KEY', () => {
    const doc = openApiDocument(app);
    let seen = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(operations as Record<string, Record<string, unknown>>)) {
        const scope = op['x-required-scope'];
        const credential = op['x-required-credential'];
        assert.ok(
          (TENANT_SCOPES as readonly unknown[]).includes(scope) || credential === 'ADMIN_API_KEY',
          `${method.toUpperCase()} ${path} declares no scope (add @RequireScope to its handler)`,
        );
        seen++;
      }
    }
    assert.ok(seen >= 40, `only ${seen} /v1 operations in the document`);
  });

  it('in the Nest router too, where routes left out of the OpenAPI document would hide', () => {
    let seen = 0;
    for (const module of app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype as object) ?? '');
        const proto = (metatype as { prototype: Record<string, unknown> }).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
          const path = `/${prefix}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/\/+/g, '/');
          if (!path.startsWith('/v1/')) continue;
          const guards: unknown[] = [
            ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? []),
            ...(Reflect.getMetadata(GUARDS_METADATA, metatype as object) ?? []),
          ];
          const scope: unknown = Reflect.getMetadata(REQUIRED_SCOPE, handler) ?? Reflect.getMetadata(REQUIRED_SCOPE, metatype as object);
          assert.ok(
            (TENANT_SCOPES as readonly unknown[]).includes(scope) || guards.includes(AdminKeyGuard),
            `${(metatype as { name: string }).name}.${name} (${path}) declares no scope`,
          );
          seen++;
        }
      }
    }
    assert.ok(seen >= 40, `only ${seen} /v1 handlers found`);
  });
});
