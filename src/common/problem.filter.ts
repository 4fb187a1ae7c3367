import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/database-unavailable.js';
import { AppError, RateLimited, type FieldError } from './errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

const TITLES: Record<number, [code: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['too-many-requests', 'Too many requests'],
};

export const problemType = (code: string) => `https://hookrelay.dev/problems/${code}`;

/**
 * Any thrown value -> RFC 9457 problem details. The database being unreachable (connection refused or cut, pool
 * timeout) is a 503 the client may retry (sendProblem adds `Retry-After`), not a 500. Unknown errors are logged
 * and answered 500 without internals.
 */
export function toProblem(err: unknown, log?: Logger): Problem {
  if (err instanceof AppError) {
    return { type: problemType(err.code), title: err.title, status: err.status, detail: err.detail, errors: err.errors };
  }
  const status =
    err instanceof HttpException ? err.getStatus() : ((err as { status?: number })?.status ?? (err as { statusCode?: number })?.statusCode);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, title] = TITLES[status] ?? ['client-error', 'Client error'];
    const detail =
      status === 429
        ? 'Too many requests with this API key; wait for the Retry-After seconds.'
        : err instanceof HttpException
          ? messageOf(err)
          : String((err as Error).message ?? title);
    return { type: problemType(code), title, status, detail, errors: [] };
  }
  if (isDatabaseUnavailable(err)) {
    log?.warn(`database unavailable, answering 503: ${(err as Error).message ?? String(err)}`);
    return {
      type: problemType('database-unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: `The database is unreachable at the moment; retry after ${DATABASE_RETRY_AFTER_SECONDS} seconds (with the same Idempotency-Key, a retry never creates a second event).`,
      errors: [],
    };
  }
  log?.error(err instanceof Error ? err.stack : String(err));
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: 500,
    detail: 'The service failed to handle this request; it has been logged.',
    errors: [],
  };
}

function messageOf(err: HttpException): string {
  const body = err.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? err.message);
}

export function sendProblem(res: FastifyReply, problem: Problem): void {
  // Every 503 is temporary: tell the client when to come back, unless the thrower already did.
  if (problem.status === 503 && !res.getHeader('retry-after')) res.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    if (res.sent || res.raw.headersSent) return;
    if (exception instanceof RateLimited) res.header('retry-after', String(exception.retryAfterSeconds));
    sendProblem(res, toProblem(exception, this.log));
  }
}
