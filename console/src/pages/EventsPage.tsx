import { Anchor, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiCall, query } from '../api/client';
import type { EventRecord, Page } from '../api/types';
import { useResource } from '../api/use-resource';
import { ErrorNote } from '../components/ErrorNote';
import { useCursorPages } from '../components/Pager';
import { localToIso } from '../components/localTime';
import { PageTitle } from '../components/PageTitle';
import { Time } from '../components/Time';

/** The event log, newest first; each event opens with its payload and deliveries. */
export function EventsPage() {
  const [type, setType] = useState('');
  const [since, setSince] = useState('');
  const { cursor, reset, pager } = useCursorPages();
  const events = useResource(
    () => apiCall<Page<EventRecord>>('GET', `/v1/events${query({ type: type.trim(), since: localToIso(since), cursor, limit: 50 })}`),
    [type, since, cursor],
  );

  return (
    <>
      <PageTitle>Events</PageTitle>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label="Event type"
          placeholder="e.g. job.created"
          value={type}
          onChange={(e) => (setType(e.currentTarget.value), reset())}
          w={220}
        />
        <TextInput label="Since" type="datetime-local" value={since} onChange={(e) => (setSince(e.currentTarget.value), reset())} w={230} />
      </Group>
      <ErrorNote error={events.error} />
      {events.loading && !events.data && <Loader size="sm" aria-label="Loading" />}
      {events.data && events.data.data.length === 0 && <Text c="dimmed">No events match.</Text>}
      {events.data && events.data.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Occurred</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/events/${e.id}`}>
                      {e.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{e.type}</Table.Td>
                  <Table.Td>
                    <Time iso={e.occurredAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pager(events.data?.nextCursor)}
    </>
  );
}
