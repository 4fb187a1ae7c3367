import { Group, Progress, Text } from '@mantine/core';
import type { Replay } from '../api/types';
import { StatusBadge } from './StatusBadge';

/** How far a replay got: each named delivery is either sent again or skipped, so done = sent + skipped of total. */
export function ReplayProgress({ replay }: { replay: Replay }) {
  const done = replay.sent + replay.skipped;
  const percent = replay.total === 0 ? 100 : Math.min(100, Math.round((done / replay.total) * 100));
  return (
    <div>
      <Group gap="xs" mb={4}>
        <StatusBadge status={replay.status} />
        <Text size="sm" data-testid="replay-counts">
          {replay.sent} sent, {replay.skipped} skipped of {replay.total}
        </Text>
      </Group>
      <Progress
        value={percent}
        animated={replay.status === 'running'}
        color={replay.status === 'completed' ? 'teal' : replay.status === 'running' ? 'blue' : 'gray'}
        aria-label="Replay progress"
        data-testid="replay-progress"
        data-percent={percent}
      />
    </div>
  );
}
