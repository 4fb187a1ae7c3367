import { Anchor, Card, Group, Loader, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiCall, query } from '../api/client';
import { DELIVERY_STATUSES, type Delivery, type Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from './ErrorNote';
import { useCursorPages } from './Pager';
import { localToIso } from './localTime';
import { StatusBadge } from './StatusBadge';
import { TemporalLink } from './TemporalLink';
import { Time } from './Time';

const LIVE_MS = 3_000;

/** A subscription's deliveries, newest first, filtered by status, type and time, refreshed live while wanted. */
export function DeliveryLog({ subscriptionId, refreshKey }: { subscriptionId: string; refreshKey: number }) {
  const [status, setStatus] = useState<string | null>(null);
  const [eventType, setEventType] = useState('');
  const [since, setSince] = useState('');
  const [live, setLive] = useState(true);
  const { cursor, reset: resetPaging, pager } = useCursorPages();

  const log = useResource(
    () =>
      apiCall<Page<Delivery>>(
        'GET',
        `/v1/subscriptions/${subscriptionId}/deliveries${query({ status, eventType: eventType.trim(), since: localToIso(since), cursor, limit: 25 })}`,
      ),
    [subscriptionId, status, eventType, since, cursor, refreshKey],
    // Live refresh only makes sense on the newest page.
    live && !cursor ? LIVE_MS : undefined,
  );

  return (
    <Card withBorder component="section" aria-labelledby="log-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="log-title">
          Delivery log
        </Title>
        <Group gap="xs">
          {log.loading && <Loader size="xs" aria-label="Refreshing" />}
          <Switch label="Live refresh" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} />
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <Select
          label="Delivery status"
          placeholder="Any"
          data={DELIVERY_STATUSES}
          value={status}
          onChange={(v) => (setStatus(v), resetPaging())}
          clearable
          w={170}
        />
        <TextInput
          label="Event type"
          placeholder="e.g. job.created"
          value={eventType}
          onChange={(e) => (setEventType(e.currentTarget.value), resetPaging())}
          w={200}
        />
        <TextInput
          label="Created since"
          type="datetime-local"
          value={since}
          onChange={(e) => (setSince(e.currentTarget.value), resetPaging())}
          w={230}
        />
      </Group>
      <ErrorNote error={log.error} />
      {log.data && log.data.data.length === 0 && <Text c="dimmed">No deliveries match.</Text>}
      {log.data && log.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="delivery-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Event type</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last code</Table.Th>
                <Table.Th>Links</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.data.map((d) => (
                <Table.Tr key={d.id} data-delivery={d.id}>
                  <Table.Td>
                    <Time iso={d.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td>{d.eventType}</Table.Td>
                  <Table.Td>{d.kind}</Table.Td>
                  <Table.Td>{d.attemptCount}</Table.Td>
                  <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Anchor component={Link} to={`/deliveries/${d.id}`} size="sm" aria-label={`Attempts of delivery ${d.id}`}>
                        Attempts
                      </Anchor>
                      <TemporalLink url={d.temporalUrl} id={d.id} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pager(log.data?.nextCursor)}
    </Card>
  );
}
