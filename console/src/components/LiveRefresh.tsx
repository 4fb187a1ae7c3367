import { Group, Loader, Switch, Text } from '@mantine/core';

/** How often a list with live refresh on asks again. */
export const LIVE_MS = 3_000;

/** A list's live-refresh switch, a spinner while it loads, and, while paused, a note saying the list stands still. */
export function LiveRefresh({ live, onChange, loading }: { live: boolean; onChange: (live: boolean) => void; loading: boolean }) {
  return (
    <Group gap="xs">
      {loading && <Loader size="xs" aria-label="Refreshing" />}
      <Switch label="Live refresh" checked={live} onChange={(e) => onChange(e.currentTarget.checked)} />
      {!live && (
        <Text size="xs" c="dimmed" role="status" data-testid="live-paused">
          Paused: new deliveries show when it is back on.
        </Text>
      )}
    </Group>
  );
}
