import { MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { idCondition, idWindow } from '../common/id-window.js';
import type { Event } from './event.entity.js';

/**
 * The tenant's events of the list's filters, below the page's cursor. `since` is also an id bound (ids sort by
 * creation time), so the walk down (tenant_id, id) stops near it; `created_at` still decides exactly.
 */
export function eventWhere(tenantId: string, f: { type?: string; since?: string }, cursor?: string): FindOptionsWhere<Event> {
  const where: FindOptionsWhere<Event> = { tenantId };
  if (f.type) where.type = f.type;
  const since = f.since ? new Date(f.since) : undefined;
  if (since) where.createdAt = MoreThanOrEqual(since);
  const id = idCondition(idWindow('evt', since), cursor);
  if (id) where.id = id;
  return where;
}
