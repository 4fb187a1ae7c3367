import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unauthorized } from '../common/errors.js';
import { hashApiKey } from './api-key.hash.js';
import type { AuthedRequest, TenantContext } from './tenant-context.js';

/** `Authorization: Bearer <api key>` on every /v1 route; revoked keys stop at once (no cache). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Send your API key as `Authorization: Bearer <key>`.');
    const rows: TenantContext[] = await this.db.query(
      `SELECT t.id, t.name, k.id AS "keyId" FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [hashApiKey(match[1]!)],
    );
    if (rows.length === 0) throw unauthorized('The API key is not valid (unknown or revoked).');
    req.tenant = rows[0]!;
    return true;
  }
}
