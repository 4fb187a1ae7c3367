import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NativeConnection } from '@temporalio/worker';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { serveConsole } from './console/serve-console.js';
import { ProblemFilter, sendProblem, toProblem } from './common/problem.filter.js';
import { rejectDeepJson } from './common/json-depth.js';
import { rejectUnstorableText } from './common/storable-text.js';
import type { AppConfig } from './config.js';
import { installRuntime, openTemporal } from './temporal/temporal.connection.js';

/** Room for a 500-event batch of typical events; each event's own data is held to PAYLOAD_LIMIT_BYTES. */
const bodyLimit = (config: AppConfig) => Math.max(8 * 1024 * 1024, config.payloadLimitBytes * 4);

/**
 * Builds the Nest application for a role; main.ts and the tests both start the service through here. The Temporal
 * connection is opened first (or handed in, opened), outside Nest's injector: a refusal is a one-line error.
 */
export async function createApp(config: AppConfig, opened?: NativeConnection): Promise<NestExpressApplication> {
  // Before any connection: the runtime's metrics are set when it is installed.
  installRuntime(config.temporalSdkMetricsAddress);
  const temporal = opened ?? (await openTemporal(config.temporal));
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(config, temporal), {
      bodyParser: false,
      // Each body parser keeps the bytes it read as `rawBody`: event data is stored and sent as the exact text sent.
      rawBody: true,
      bufferLogs: true,
    });
  } catch (err) {
    await temporal.close().catch(() => undefined);
    throw err;
  }
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.useBodyParser('json', { limit: bodyLimit(config), type: ['application/json', 'application/*+json'] });
  // Many keys is a validation matter (e.g. too many `events`), answered 422 by the schema, not 413 by the parser.
  app.useBodyParser('urlencoded', { limit: bodyLimit(config), extended: false, parameterLimit: 100_000 });
  // Body parser failures (malformed JSON, too large) happen before Nest's filters: answer them as problems too.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    sendProblem(res, toProblem(err));
  });
  // Depth first: the checks after it (storable text, schemas) walk the body recursively.
  app.use(rejectDeepJson);
  app.use(rejectUnstorableText);
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
