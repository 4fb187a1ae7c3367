import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/tenant-context.js';

/** Fields that point at the operator's own systems (the Temporal UI): an end customer has no use for them. */
const OPERATOR_ONLY = 'temporalUrl';

function withoutOperatorFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOperatorFields);
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== OPERATOR_ONLY) out[k] = withoutOperatorFields(v);
  return out;
}

/** Answers through a portal link leave out `temporalUrl`, the operator's internal address, wherever it appears. */
@Injectable()
export class PortalAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const portal = context.switchToHttp().getRequest<AuthedRequest>().tenant?.portalSessionId;
    return portal ? next.handle().pipe(map(withoutOperatorFields)) : next.handle();
  }
}
