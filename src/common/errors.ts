import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error the service answers with on purpose: a stable code, an HTTP status, a human detail and, for
 * validation, every bad field. ProblemFilter turns it into RFC 9457 problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export const validationFailed = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new AppError('validation-failed', HttpStatus.UNPROCESSABLE_ENTITY, 'Validation failed', detail, errors);

export const notFound = (what: string, id: string) =>
  new AppError('not-found', HttpStatus.NOT_FOUND, 'Not found', `No ${what} with id ${id}.`);

export const conflict = (detail: string, errors: FieldError[] = []) =>
  new AppError('conflict', HttpStatus.CONFLICT, 'Conflict', detail, errors);

export const unauthorized = (detail: string) => new AppError('unauthorized', HttpStatus.UNAUTHORIZED, 'Unauthorized', detail);

export const payloadTooLarge = (detail: string, errors: FieldError[] = []) =>
  new AppError('payload-too-large', HttpStatus.PAYLOAD_TOO_LARGE, 'Payload too large', detail, errors);

/** A 429 whose wait ProblemFilter sends as `Retry-After`. */
export class RateLimited extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
    code = 'too-many-requests',
  ) {
    super(code, HttpStatus.TOO_MANY_REQUESTS, 'Too many requests', detail);
  }
}

export const unavailable = (detail: string) => new AppError('unavailable', HttpStatus.SERVICE_UNAVAILABLE, 'Service unavailable', detail);

export const badRequest = (code: string, detail: string, errors: FieldError[] = []) =>
  new AppError(code, HttpStatus.BAD_REQUEST, 'Bad request', detail, errors);

/** The one 403: the credential is known but lacks the scope the request needs (`scope` names it). */
export const missingScope = (scope: string, detail: string) =>
  new AppError('missing-scope', HttpStatus.FORBIDDEN, 'Forbidden', detail, [{ field: 'scope', message: `requires ${scope}` }]);
