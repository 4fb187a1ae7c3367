import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { AuthedRequest, TenantContext } from '../auth/tenant-context.js';
import { RawJson } from '../policy/raw-json.js';

/** Fields that point at the operator's own systems (the Temporal UI): an end customer has no use for them. */
const OPERATOR_ONLY = 'temporalUrl';

function withoutOperatorFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOperatorFields);
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RawJson || Buffer.isBuffer(value))
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== OPERATOR_ONLY) out[k] = withoutOperatorFields(v);
  return out;
}

/**
 * The answer as the tenant's credential may see it, for handlers that serialise their answer themselves (event
 * data kept as raw JSON text): the interceptor below sees only their finished text.
 */
export const answerFor = (tenant: TenantContext, value: unknown): unknown =>
  tenant.portalSessionId ? withoutOperatorFields(value) : value;

/** Answers through a portal link leave out `temporalUrl`, the operator's internal address, wherever it appears. */
@Injectable()
export class PortalAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const portal = context.switchToHttp().getRequest<AuthedRequest>().tenant?.portalSessionId;
    return portal ? next.handle().pipe(map(withoutOperatorFields)) : next.handle();
  }
}
