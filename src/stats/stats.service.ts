import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idWindow } from '../common/id-window.js';
import { DELIVERY_STATUSES } from '../policy/delivery-filters.js';
import type { CountsByStatus } from './stats.dto.js';

const HOUR_MS = 3600_000;

const zeroCounts = (): CountsByStatus => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as CountsByStatus;

@Injectable()
export class StatsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Deliveries created since `since`, counted by current status, in total and per hour of creation. */
  async deliveries(tenantId: string, since: Date, until = new Date()) {
    // The lower id bound lets Postgres walk the (tenant_id, id) index instead of every delivery of the tenant.
    const lowestId = idWindow('dlv', since).from;
    const rows: { hour: string; status: string; n: number }[] = await this.db.query(
      `SELECT floor(extract(epoch FROM created_at) / 3600)::bigint AS hour, status, count(*)::int AS n
         FROM deliveries
        WHERE tenant_id = $1 AND id >= $2 AND created_at >= $3 AND created_at <= $4
        GROUP BY 1, 2`,
      [tenantId, lowestId, since, until],
    );
    const firstHour = Math.floor(since.getTime() / HOUR_MS);
    const lastHour = Math.floor(until.getTime() / HOUR_MS);
    const hourly = Array.from({ length: Math.max(0, lastHour - firstHour + 1) }, (_, i) => ({
      hour: new Date((firstHour + i) * HOUR_MS).toISOString(),
      ...zeroCounts(),
    }));
    const byStatus = zeroCounts();
    let total = 0;
    for (const row of rows) {
      const status = row.status as keyof CountsByStatus;
      if (!(status in byStatus)) continue;
      byStatus[status] += row.n;
      total += row.n;
      const bucket = hourly[Number(row.hour) - firstHour];
      if (bucket) bucket[status] += row.n;
    }
    return { since: since.toISOString(), until: until.toISOString(), total, byStatus, hourly };
  }
}
