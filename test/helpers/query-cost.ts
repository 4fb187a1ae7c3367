import type { Queryable } from '../../src/database/queryable.js';

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/**
 * What a statement costs, by EXPLAIN (ANALYZE, BUFFERS): rows the plan's scans of `table` read (returned or filtered
 * away, over all loops), the buffers it touched, and the rows it answered.
 */
export async function readCost(
  db: Queryable,
  sql: string,
  params: unknown[],
  table = 'deliveries',
): Promise<{ rows: number; buffers: number; found: number }> {
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  let rows = 0;
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === table) {
      const perLoop = node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      rows += perLoop * node['Actual Loops'];
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  const top = plan.Plan as PlanNode;
  walk(top);
  return { rows, buffers: (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0), found: top['Actual Rows'] };
}
