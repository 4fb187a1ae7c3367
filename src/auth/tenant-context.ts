import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export interface TenantContext {
  id: string;
  name: string;
  /** The API key this request came with. */
  keyId: string;
}

export type AuthedRequest = Request & { tenant?: TenantContext };

/** The tenant whose API key authenticated this request (set by ApiKeyGuard). */
export const CurrentTenant = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TenantContext => ctx.switchToHttp().getRequest<AuthedRequest>().tenant!,
);
