import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as NestLogger } from '@nestjs/common';
import type { NativeConnection } from '@temporalio/worker';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { serveConsole } from './console/serve-console.js';
import { ProblemFilter, sendProblem, toProblem } from './common/problem.filter.js';
import { readBodies } from './common/json-body.js';
import { tooDeepBody } from './common/json-depth.js';
import { unstorableText } from './common/storable-text.js';
import type { AppConfig } from './config.js';
import { prepareSchema } from './database/schema-version.js';
import { MetricsService } from './health/metrics.service.js';
import { installRuntime, openTemporal } from './temporal/temporal.connection.js';

/** Room for a 500-event batch of typical events; each event's own data is held to PAYLOAD_LIMIT_BYTES. */
const bodyLimit = (config: AppConfig) => Math.max(8 * 1024 * 1024, config.payloadLimitBytes * 4);

/**
 * Builds the Nest application for a role; main.ts and the tests both start the service through here. The Temporal
 * connection is opened first (or handed in, opened), outside Nest's injector: a refusal is a one-line error.
 */
export async function createApp(config: AppConfig, opened?: NativeConnection): Promise<NestFastifyApplication> {
  // Before any connection: the runtime's metrics are set when it is installed.
  installRuntime(config.temporalSdkMetricsAddress);
  // Outside Nest's injector, so that a schema behind the code is a one-line refusal (MIGRATIONS=check).
  try {
    await prepareSchema(config.database, new NestLogger('Database'));
  } catch (err) {
    await opened?.close().catch(() => undefined);
    throw err;
  }
  const temporal = opened ?? (await openTemporal(config.temporal));
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimit(config),
    // Paths match as they always have (Express): any letter case, with or without a trailing slash.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    // `__proto__` and `constructor` keys are data like any other (event data is kept as sent); JSON.parse makes
    // them own properties, never a prototype.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
  });
  let app: NestFastifyApplication;
  try {
    // rawBody: handlers that must see the bytes as sent (event data) read `req.rawBody`.
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRole(config, temporal), adapter, {
      bufferLogs: true,
      rawBody: true,
    });
  } catch (err) {
    await temporal.close().catch(() => undefined);
    throw err;
  }
  app.useLogger(app.get(Logger));
  readBodies(app, bodyLimit(config));
  const fastify = app.getHttpAdapter().getInstance();
  // Once the body is parsed, before guards and handlers. Depth first: the checks after it (storable text,
  // schemas) walk the body recursively.
  fastify.addHook('preValidation', async (req, reply) => {
    const rejected = tooDeepBody(req.body) ?? unstorableText(req.url, req.query, req.body);
    if (!rejected) return;
    sendProblem(reply, toProblem(rejected));
    return reply;
  });
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (req, reply) => {
    // A path no route matched has no template: one series for all of them.
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: req.method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });
  app.useGlobalFilters(new ProblemFilter());
  // The web console is the api's; a worker-only process serves health and metrics alone.
  if (config.role !== 'worker' && !serveConsole(app, config.portalFrameAncestors)) {
    app.get(Logger).warn('the web console is not built (dist/console): /console is off; `npm run build` builds it');
  }

  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  return app;
}

/** The OpenAPI document served at /openapi.json; the typed client is generated from it (clients/typescript/). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hookrelay')
      .setDescription('Webhook delivery on Temporal: signed, durably retried, pausable, traceable.')
      .setVersion('0.1.0')
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
      .build(),
  );
}
