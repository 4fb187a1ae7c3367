import { Badge } from '@mantine/core';

/** Colours by meaning: green went through, red needs a person, yellow is waiting, gray is stopped on purpose. */
export const STATUS_COLORS: Record<string, string> = {
  succeeded: 'teal',
  completed: 'teal',
  active: 'teal',
  failed: 'red',
  disabled: 'red',
  retrying: 'orange',
  held: 'yellow',
  paused: 'yellow',
  scheduled: 'blue',
  running: 'blue',
  sending: 'cyan',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="status">
      {status}
    </Badge>
  );
}
