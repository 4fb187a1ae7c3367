import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/tenant-context.js';
import { RawJson, stringifyWithRawJson } from '../policy/raw-json.js';

/** Fields that point at the operator's own systems (the Temporal UI): an end customer has no use for them. */
const OPERATOR_ONLY = 'temporalUrl';

const RAW_JSON_ANSWER = 'hookrelay:raw-json-answer';

/**
 * The route's answer holds RawJson (event data kept as the exact text received): the interceptor below writes it
 * as JSON text, after every other step, so those steps still see objects.
 */
export const RawJsonAnswer = () => SetMetadata(RAW_JSON_ANSWER, true);

function withoutOperatorFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOperatorFields);
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RawJson || Buffer.isBuffer(value))
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== OPERATOR_ONLY) out[k] = withoutOperatorFields(v);
  return out;
}

/**
 * Shapes every answer of an API-key route: through a portal link it leaves out `temporalUrl`, the operator's
 * internal address, wherever it appears; then routes marked @RawJsonAnswer are written as JSON text.
 */
@Injectable()
export class PortalAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const portal = context.switchToHttp().getRequest<AuthedRequest>().tenant?.portalSessionId;
    const raw = this.reflector.get<boolean | undefined>(RAW_JSON_ANSWER, context.getHandler()) === true;
    if (!portal && !raw) return next.handle();
    return next.handle().pipe(
      map((value) => {
        const shown = portal ? withoutOperatorFields(value) : value;
        if (!raw) return shown;
        context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>().header('content-type', 'application/json');
        return stringifyWithRawJson(shown);
      }),
    );
  }
}
