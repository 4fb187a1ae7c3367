// `npm run client:generate`: reads the OpenAPI document from the Nest application (modules scanned, nothing
// started: no database, no Temporal, no port) and writes the client's types.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { openApiDocument } from '../../../src/app.js';
import { AppModule } from '../../../src/app.module.js';
import { loadConfig } from '../../../src/config.js';
import { GENERATED_TYPES_FILE, openApiToTypes } from './openapi-to-types.js';

// dist/clients/typescript/generate/ -> clients/typescript/
const clientRoot = fileURLToPath(new URL('../../../../clients/typescript/', import.meta.url));

// Values only to satisfy config validation: in preview mode no provider is instantiated, so none is used.
const config = loadConfig({ TEMPORAL_ADDRESS: 'unused:7233', SECRETS_KEY: '0'.repeat(64), DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' }, 'api');
const app = await NestFactory.create(AppModule.forRole(config), new FastifyAdapter(), { preview: true, logger: false, bodyParser: false });
const types = await openApiToTypes(openApiDocument(app));
await app.close();
const target = join(clientRoot, GENERATED_TYPES_FILE);
writeFileSync(target, types);
console.log(`wrote ${target}`);
