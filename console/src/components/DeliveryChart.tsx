import { BarChart } from '@mantine/charts';
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { DELIVERY_STATUSES, type DeliveryStats } from '../api/types';
import { STATUS_COLORS } from './StatusBadge';

const hourLabel = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Deliveries per hour, stacked by status; the totals as text beside it for everyone who cannot see the bars. */
export function DeliveryChart({ stats }: { stats: DeliveryStats }) {
  const data = stats.hourly.map((h) => ({ ...h, label: hourLabel(h.hour) }));
  const series = DELIVERY_STATUSES.map((s) => ({ name: s, color: `${STATUS_COLORS[s] ?? 'gray'}.6` }));
  return (
    <figure style={{ margin: 0 }} aria-labelledby="chart-caption">
      <VisuallyHidden id="chart-caption">Deliveries per hour over the last 24 hours, stacked by status</VisuallyHidden>
      <BarChart
        h={260}
        data={data}
        dataKey="label"
        type="stacked"
        series={series}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="y"
      />
      <Group gap="lg" mt="sm" component="dl" aria-label="Deliveries by status, last 24 hours" data-testid="status-totals">
        <div>
          <Text component="dt" size="xs" c="dimmed">
            total
          </Text>
          <Text component="dd" fw={700} m={0} data-status="total">
            {stats.total}
          </Text>
        </div>
        {DELIVERY_STATUSES.map((s) => (
          <div key={s}>
            <Text component="dt" size="xs" c="dimmed">
              {s}
            </Text>
            <Text component="dd" fw={700} m={0} data-status={s}>
              {stats.byStatus[s]}
            </Text>
          </div>
        ))}
      </Group>
    </figure>
  );
}
