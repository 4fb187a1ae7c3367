import { Anchor, Card, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiCall, query } from '../api/client';
import { REPLAY_STATUSES, type ReplayPage, type ReplayStatus } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from './ErrorNote';
import { LIVE_MS } from './LiveRefresh';
import { useCursorPages } from './Pager';
import { StatusBadge } from './StatusBadge';
import { Time } from './Time';

const PAGE_SIZE = 20;

/** The tenant's replays from `GET /v1/replays`, newest first, by status; refreshed while one shown runs. */
export function ReplayList() {
  const [status, setStatus] = useState<ReplayStatus | null>(null);
  const { cursor, reset, pager } = useCursorPages();
  const [running, setRunning] = useState(false);
  const replays = useResource(
    async () => {
      const page = await apiCall<ReplayPage>('GET', `/v1/replays${query({ status, cursor, limit: PAGE_SIZE })}`);
      setRunning(page.data.some((r) => r.status === 'running'));
      return page;
    },
    [status, cursor],
    // Only the newest page moves: a running replay's counts grow, and new replays come first.
    running && !cursor ? LIVE_MS : undefined,
  );

  return (
    <Card withBorder component="section" aria-labelledby="replays-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="replays-title">
          All replays
        </Title>
        <Select
          label="Replay status"
          placeholder="Any"
          data={REPLAY_STATUSES}
          value={status}
          onChange={(value) => (setStatus(value), reset())}
          clearable
          w={180}
        />
      </Group>
      <ErrorNote error={replays.error} />
      {replays.loading && !replays.data && <Loader size="sm" aria-label="Loading" />}
      {replays.data && replays.data.data.length === 0 && <Text c="dimmed">No replays{status ? ` ${status}` : ''}.</Text>}
      {replays.data && replays.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="replays">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Replay</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {replays.data.data.map((r) => (
                <Table.Tr key={r.id} data-replay={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/replays/${r.id}`} size="sm">
                      {r.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  {/* Each named delivery is either sent again or skipped: done = sent + skipped of total. */}
                  <Table.Td data-testid="replay-counts">
                    {r.sent + r.skipped} of {r.total} ({r.sent} sent, {r.skipped} skipped)
                  </Table.Td>
                  <Table.Td>
                    <Time iso={r.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pager(replays.data?.nextCursor)}
    </Card>
  );
}
